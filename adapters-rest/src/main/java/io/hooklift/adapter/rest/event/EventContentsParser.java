package io.hooklift.adapter.rest.event;

import io.hooklift.domain.event.ContentShape;
import io.hooklift.domain.event.EventContents;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.event.ImageContents;
import io.hooklift.domain.event.ImageContents.ImageAction;
import io.hooklift.domain.event.MirroringContents;
import io.hooklift.domain.event.PromotionContents;
import io.hooklift.domain.event.RepositoryEventContents;
import io.hooklift.domain.event.ScanCompletedContents;
import io.hooklift.domain.event.ScanFailedContents;
import io.hooklift.domain.event.ScanStatus;
import io.hooklift.domain.event.ScanSummary;
import io.hooklift.domain.event.ScannedTag;
import io.hooklift.domain.event.ScannerUpdateContents;
import io.hooklift.domain.event.ScannerUpdateContents.ReplicaUpdate;
import io.hooklift.domain.naming.RepositoryPath;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads an event's {@code contents} into the structure its type carries (MSR's "Content structure";
 * docs/event-contents.md for the types whose structure MSR does not show). Namespace and repository
 * must follow the registry grammar; {@code os}, {@code architecture} and {@code author} may be left
 * out (then empty).
 */
final class EventContentsParser {

  private static final int MAX_SCAN_STATUS = ScanStatus.values().length - 1;

  private EventContentsParser() {}

  /** Reads the structure the domain's {@link ContentShape} table names for {@code type}. */
  static EventContents parse(EventType type, ContentFields contents) {
    return switch (ContentShape.of(type)) {
      case TAGGED_IMAGE -> image(contents, true, ImageAction.of(type));
      case UNTAGGED_IMAGE -> image(contents, false, ImageAction.of(type));
      case SCAN_COMPLETED -> scanCompleted(contents);
      case SCAN_FAILED -> scanFailed(contents);
      case PROMOTION -> promotion(contents);
      case MIRRORING -> mirroring(contents);
      case REPOSITORY_CHANGE -> repositoryEvent(type, contents);
      case SCANNER_UPDATE -> scannerUpdate(contents);
    };
  }

  private static ImageContents image(ContentFields c, boolean tagged, ImageAction action) {
    RepositoryPath path = path(c);
    Optional<String> tag = tagged ? Optional.of(c.text("tag")) : Optional.empty();
    return new ImageContents(
        path.namespace().value(),
        path.name().value(),
        tag,
        c.text("digest"),
        c.text("imageName"),
        c.text("os", ""),
        c.text("architecture", ""),
        c.text("author", ""),
        action,
        c.time(action.timeField()));
  }

  private static ScanCompletedContents scanCompleted(ContentFields c) {
    ScannedTag scanned = scannedTag(c);
    ContentFields s = c.object("scanSummary");
    ScanSummary summary =
        new ScanSummary(
            s.text("namespace"),
            s.text("repository"),
            s.text("tag"),
            s.count("critical"),
            s.count("major"),
            s.count("minor"),
            ScanStatus.ofCode(s.integer("last_scan_status", 0, MAX_SCAN_STATUS)),
            s.time("check_completed_at"));
    return new ScanCompletedContents(scanned, summary);
  }

  private static ScanFailedContents scanFailed(ContentFields c) {
    return new ScanFailedContents(scannedTag(c), c.text("error"));
  }

  private static ScannedTag scannedTag(ContentFields c) {
    RepositoryPath path = path(c);
    return new ScannedTag(
        path.namespace().value(), path.name().value(), c.text("tag"), c.text("imageName"));
  }

  private static PromotionContents promotion(ContentFields c) {
    ImageContents target = image(c, true, ImageAction.PUSHED);
    ContentFields p = c.object("promotion");
    return new PromotionContents(
        target, p.text("promotionPolicyID"), p.text("sourceRepository"), p.text("sourceTag"));
  }

  private static MirroringContents mirroring(ContentFields c) {
    ImageContents tag = image(c, true, ImageAction.PUSHED);
    ContentFields m = c.object("mirroring");
    return new MirroringContents(
        tag,
        m.text("mirroringPolicyID"),
        m.text("remoteHost"),
        m.text("remoteRepository"),
        m.text("remoteTag"),
        m.text("digest"));
  }

  private static RepositoryEventContents repositoryEvent(EventType type, ContentFields c) {
    RepositoryPath path = path(c);
    String author = c.text("author", "");
    return new RepositoryEventContents(
        type, author, RepositoryDataParser.parse(c.object("data"), path));
  }

  private static ScannerUpdateContents scannerUpdate(ContentFields c) {
    String scannerVersion = c.text("scanner_version");
    var scannerUpdatedAt = c.time("scanner_updated_at");
    long dbVersion = c.count("db_version");
    var dbUpdatedAt = c.time("db_updated_at");
    boolean success = c.bool("success");
    Map<String, ReplicaUpdate> replicas = new TreeMap<>();
    c.objects("replicas")
        .forEach(
            (id, r) ->
                replicas.put(
                    id,
                    new ReplicaUpdate(
                        r.time("db_updated_at"), r.text("version"), r.text("replica_id"))));
    return new ScannerUpdateContents(
        scannerVersion, scannerUpdatedAt, dbVersion, dbUpdatedAt, success, replicas);
  }

  /** The event's repository: {@code namespace} and {@code repository}, in the registry grammar. */
  private static RepositoryPath path(ContentFields c) {
    String namespace = c.text("namespace");
    String repository = c.text("repository");
    return c.within(() -> RepositoryPath.of(namespace, repository));
  }
}
