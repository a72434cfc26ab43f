package io.hooklift.domain.event;

import io.hooklift.domain.account.AccountType;
import io.hooklift.domain.event.ImageContents.ImageAction;
import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.repository.CodeRepository;
import io.hooklift.domain.repository.RepositorySettings;
import io.hooklift.domain.repository.Visibility;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The fixed example event of each type: what {@code /webhooks/types} shows and what a test delivery
 * sends. Always the same, as MSR promises; values follow the MSR documentation's example.
 */
public final class EventExamples {

  private static final Instant CREATED = Instant.parse("2019-05-15T19:39:40.607337713Z");
  private static final Instant AT = Instant.parse("2015-01-02T15:04:05Z");
  private static final RepositoryPath PATH = RepositoryPath.of("foo", "bar");
  private static final String DIGEST =
      "sha256:b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c";
  private static final ScannedTag SCANNED =
      new ScannedTag("foo", "bar", "latest", "foo/bar:latest");
  private static final UUID EVENT_ID = UUID.fromString("00000000-0000-4000-8000-000000000000");

  private EventExamples() {}

  public static Event example(EventType type) {
    Optional<RepositoryPath> origin =
        type.scope() == EventScope.GLOBAL ? Optional.empty() : Optional.of(PATH);
    return new Event(EVENT_ID, type, origin, CREATED, contents(type), location(type));
  }

  private static String location(EventType type) {
    return switch (type.scope()) {
      case GLOBAL -> "/scanner";
      case NAMESPACE -> "/repositories/foo/bar";
      case REPOSITORY ->
          type.name().startsWith("MANIFEST_")
              ? "/repositories/foo/bar/manifests/" + DIGEST
              : "/repositories/foo/bar/tags/latest";
    };
  }

  private static EventContents contents(EventType type) {
    return switch (ContentShape.of(type)) {
      case TAGGED_IMAGE -> image(true, ImageAction.of(type));
      case UNTAGGED_IMAGE -> image(false, ImageAction.of(type));
      case SCAN_COMPLETED ->
          new ScanCompletedContents(
              SCANNED, new ScanSummary("foo", "bar", "latest", 0, 1, 2, ScanStatus.COMPLETED, AT));
      case SCAN_FAILED -> new ScanFailedContents(SCANNED, "scanner unavailable");
      case PROMOTION ->
          new PromotionContents(
              image(true, ImageAction.PUSHED), "policy-1", "foo/staging", "latest");
      case MIRRORING ->
          new MirroringContents(
              image(true, ImageAction.PUSHED),
              "policy-1",
              "registry.example.com",
              "foo/bar",
              "latest",
              DIGEST);
      case REPOSITORY_CHANGE -> new RepositoryEventContents(type, "admin", repository());
      case SCANNER_UPDATE ->
          new ScannerUpdateContents(
              "2.0.0",
              AT,
              100,
              AT,
              true,
              Map.of("replica-1", new ScannerUpdateContents.ReplicaUpdate(AT, "100", "replica-1")));
    };
  }

  private static ImageContents image(boolean tagged, ImageAction action) {
    return new ImageContents(
        "foo",
        "bar",
        tagged ? Optional.of("latest") : Optional.empty(),
        DIGEST,
        tagged ? "foo/bar:latest" : "foo/bar@" + DIGEST,
        "linux",
        "amd64",
        "",
        action,
        AT);
  }

  private static CodeRepository repository() {
    return CodeRepository.create(
        UUID.fromString("00000000-0000-4000-8000-000000000001"),
        PATH,
        AccountType.USER,
        new RepositorySettings("", "", Visibility.PUBLIC, false, false, false, 0));
  }
}
