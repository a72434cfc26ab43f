package io.hooklift.domain.registry;

import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.registry.NotificationReading.ChangeKind;
import io.hooklift.domain.registry.NotificationReading.Dropped;
import io.hooklift.domain.registry.NotificationReading.ImageChange;
import io.hooklift.domain.shared.InvalidInput;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Sorts a registry's notifications into image changes and noise, following what Distribution 2.8
 * really sends: blob traffic and cross-repository mounts are noise, a HEAD request is an existence
 * check rather than a pull (unless configured otherwise), and Hooklift's own platform look-ups must
 * not come back as pulls.
 *
 * @param headIsPull whether a HEAD of a manifest counts as a pull
 * @param ownUserAgent the user agent of Hooklift's own registry requests
 */
public record NotificationInterpreter(boolean headIsPull, String ownUserAgent) {

  /** Registries send UUIDs; anything longer than this could not be remembered as handled. */
  public static final int MAX_ID_LENGTH = 255;

  public NotificationInterpreter {
    Objects.requireNonNull(ownUserAgent, "ownUserAgent");
  }

  /**
   * @param receivedAt stands in for a missing registry timestamp
   */
  public NotificationReading read(RegistryNotification notification, Instant receivedAt) {
    if (notification.id().length() > MAX_ID_LENGTH) {
      return new Dropped("event id longer than " + MAX_ID_LENGTH + " characters");
    }
    if (notification.userAgent().filter(ownUserAgent::equals).isPresent()) {
      return new Dropped("Hooklift's own look-up");
    }
    Optional<RepositoryPath> path =
        notification.repository().flatMap(NotificationInterpreter::path);
    if (path.isEmpty()) {
      return new Dropped(
          "repository '" + notification.repository().orElse("") + "' is not namespace/name");
    }
    if (notification.tag().filter(t -> !ImageReferences.isValidTag(t)).isPresent()) {
      return new Dropped("tag is not a valid OCI tag");
    }
    if (notification.digest().filter(d -> !ImageReferences.isValidDigest(d)).isPresent()) {
      return new Dropped("digest is not algorithm:hex of the algorithm's length");
    }
    return switch (notification.action()) {
      case "push" -> manifest(ChangeKind.PUSHED, notification, path.get(), receivedAt);
      case "pull" ->
          isHead(notification) && !headIsPull
              ? new Dropped("HEAD request (an existence check, not a pull)")
              : manifest(ChangeKind.PULLED, notification, path.get(), receivedAt);
      case "delete" -> delete(notification, path.get(), receivedAt);
      case "mount" -> new Dropped("blob mount");
      default -> new Dropped("unknown action '" + notification.action() + "'");
    };
  }

  private static NotificationReading manifest(
      ChangeKind kind, RegistryNotification notification, RepositoryPath path, Instant receivedAt) {
    Optional<String> mediaType = notification.mediaType();
    if (mediaType.isEmpty() || !ManifestMediaTypes.isManifest(mediaType.get())) {
      return new Dropped("blob " + notification.action());
    }
    if (notification.digest().isEmpty()) {
      return new Dropped("manifest " + notification.action() + " without a digest");
    }
    return change(kind, notification, path, notification.tag(), receivedAt);
  }

  private static NotificationReading delete(
      RegistryNotification notification, RepositoryPath path, Instant receivedAt) {
    if (notification.tag().isPresent()) {
      return change(ChangeKind.TAG_DELETED, notification, path, notification.tag(), receivedAt);
    }
    if (notification.digest().isPresent()) {
      return change(ChangeKind.DIGEST_DELETED, notification, path, Optional.empty(), receivedAt);
    }
    return new Dropped("delete without a digest or tag");
  }

  private static ImageChange change(
      ChangeKind kind,
      RegistryNotification n,
      RepositoryPath path,
      Optional<String> tag,
      Instant receivedAt) {
    return new ImageChange(
        kind,
        path,
        n.digest(),
        tag,
        n.mediaType(),
        n.actor().orElse(""),
        n.timestamp().orElse(receivedAt));
  }

  private static boolean isHead(RegistryNotification notification) {
    return notification.method().filter("HEAD"::equalsIgnoreCase).isPresent();
  }

  /**
   * MSR repositories are exactly {@code namespace/name}; a registry allows more (or fewer) levels.
   */
  private static Optional<RepositoryPath> path(String repository) {
    int slash = repository.indexOf('/');
    if (slash < 0 || repository.indexOf('/', slash + 1) >= 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          RepositoryPath.of(repository.substring(0, slash), repository.substring(slash + 1)));
    } catch (InvalidInput e) {
      return Optional.empty();
    }
  }
}
