package io.hooklift.application.registry;

import io.hooklift.application.delivery.EventPublisher;
import io.hooklift.application.port.Accounts;
import io.hooklift.application.port.CodeRepositories;
import io.hooklift.application.port.Deliveries.DeliveryWork;
import io.hooklift.application.port.IdGenerator;
import io.hooklift.application.port.RegistryIndex;
import io.hooklift.application.port.RegistryIndex.DigestDelete;
import io.hooklift.domain.account.Account;
import io.hooklift.domain.event.Event;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.event.RepositoryEventContents;
import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.registry.ImageEvent;
import io.hooklift.domain.registry.ImageEvents;
import io.hooklift.domain.registry.NotificationReading.ChangeKind;
import io.hooklift.domain.registry.NotificationReading.ImageChange;
import io.hooklift.domain.repository.CodeRepository;
import io.hooklift.domain.repository.RepositorySettings;
import io.hooklift.domain.repository.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Inside the notification's transaction: keeps the tag index current, creates the repository on its
 * first push if so configured, and stores the change's webhooks through the outbox.
 */
final class ImageChangeRecorder {

  /** Who REPO_CREATED names when the registry's push was anonymous. */
  private static final String ANONYMOUS_PUSHER = "registry";

  private final RegistryIndex index;
  private final Accounts accounts;
  private final CodeRepositories repositories;
  private final IdGenerator ids;
  private final RegistrySettings settings;
  private final EventPublisher publisher;

  ImageChangeRecorder(
      RegistryIndex index,
      Accounts accounts,
      CodeRepositories repositories,
      IdGenerator ids,
      RegistrySettings settings,
      EventPublisher publisher) {
    this.index = index;
    this.accounts = accounts;
    this.repositories = repositories;
    this.ids = ids;
    this.settings = settings;
    this.publisher = publisher;
  }

  /**
   * Returns no events for the delete of a digest Hooklift never saw as a manifest: a blob's, unless
   * a tag delete of the same registry request shows otherwise (see {@link #lateManifestDelete}).
   */
  Recorded record(
      ImageChange change,
      PlatformResolver.Resolved resolved,
      Optional<String> requestId,
      Instant now) {
    if (change.kind() == ChangeKind.DIGEST_DELETED) {
      boolean manifest = resolved.manifest().isPresent();
      requestId.ifPresent(
          r ->
              index.rememberDigestDelete(
                  new DigestDelete(
                      r, change.repository(), change.digest().orElseThrow(), manifest, now)));
      if (!manifest) {
        return new Recorded(0, List.of());
      }
    }
    if (resolved.lookedUp()) {
      resolved.manifest().ifPresent(index::rememberManifest);
    }
    List<DeliveryWork> work = new ArrayList<>();
    List<ImageEvent> events = new ArrayList<>();
    boolean repush = false;
    switch (change.kind()) {
      case PUSHED -> {
        if (change.tag().isPresent()) {
          String tag = change.tag().get();
          String digest = resolved.digest().orElseThrow();
          // Read before it is overwritten: a tag that already pointed here was only re-pushed.
          repush = index.taggedDigest(change.repository(), tag).filter(digest::equals).isPresent();
          index.rememberTag(change.repository(), tag, digest);
        }
        work.addAll(createRepositoryIfNew(change, now));
      }
      case TAG_DELETED -> {
        index.forgetTag(change.repository(), change.tag().orElseThrow());
        events.addAll(lateManifestDelete(change, requestId));
      }
      case PULLED, DIGEST_DELETED -> {}
    }
    events.addAll(
        ImageEvents.of(
            change,
            resolved.digest().orElse(""),
            resolved.platforms(),
            settings.host(),
            resolved.artifactType(),
            repush));
    for (ImageEvent event : events) {
      work.addAll(
          publisher.publish(
              new Event(
                  ids.uuid(),
                  event.type(),
                  Optional.of(change.path()),
                  now,
                  event.contents(),
                  event.location()),
              event.facts()));
    }
    return new Recorded(events.size(), work);
  }

  /**
   * A tag delete proves that the digest its request deleted was a manifest's. If that delete was
   * taken for a blob's (Hooklift never saw the manifest), its MANIFEST_DELETE goes out now, once.
   */
  private List<ImageEvent> lateManifestDelete(ImageChange change, Optional<String> requestId) {
    Optional<DigestDelete> unannounced =
        requestId
            .flatMap(r -> index.digestDelete(r, change.repository()))
            .filter(d -> !d.announced());
    if (unannounced.isEmpty()) {
      return List.of();
    }
    index.rememberDigestDelete(unannounced.get().announce());
    ImageChange manifestDelete =
        new ImageChange(
            ChangeKind.DIGEST_DELETED,
            change.path(),
            Optional.of(unannounced.get().digest()),
            Optional.empty(),
            Optional.empty(),
            change.author(),
            change.at());
    return ImageEvents.of(manifestDelete, unannounced.get().digest(), List.of(), settings.host());
  }

  /**
   * MSR creates a repository on its first push; Hooklift does too, where the namespace is a known
   * account.
   */
  private List<DeliveryWork> createRepositoryIfNew(ImageChange change, Instant now) {
    RepositoryPath path = change.path();
    if (!settings.createRepositories() || repositories.byPath(path).isPresent()) {
      return List.of();
    }
    Optional<Account> owner = accounts.byName(path.namespace());
    if (owner.isEmpty()) {
      return List.of();
    }
    RepositorySettings privateByDefault =
        new RepositorySettings("", "", Visibility.PRIVATE, false, false, false, 0);
    CodeRepository created =
        CodeRepository.create(ids.uuid(), path, owner.get().type(), privateByDefault);
    repositories.add(created);
    String author = change.author().isEmpty() ? ANONYMOUS_PUSHER : change.author();
    return publisher.publish(
        new Event(
            ids.uuid(),
            EventType.REPO_CREATED,
            Optional.of(path),
            now,
            new RepositoryEventContents(EventType.REPO_CREATED, author, created),
            path.location()));
  }

  /**
   * The webhook events stored for one notification, and the deliveries to hand over after commit.
   */
  record Recorded(int events, List<DeliveryWork> work) {}
}
