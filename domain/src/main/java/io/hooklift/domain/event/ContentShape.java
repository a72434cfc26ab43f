package io.hooklift.domain.event;

import io.hooklift.domain.event.ImageContents.ImageAction;

/**
 * The content structure an event type carries, as the MSR documentation describes it. {@link #of}
 * is the one table from event type to structure: {@link EventContents#fits} checks contents against
 * it, and whoever reads contents from outside (the REST adapter) picks its reader by it.
 */
public enum ContentShape {
  /** {@link ImageContents} with a tag. */
  TAGGED_IMAGE,
  /** {@link ImageContents} without a tag. */
  UNTAGGED_IMAGE,
  SCAN_COMPLETED,
  SCAN_FAILED,
  PROMOTION,
  MIRRORING,
  REPOSITORY_CHANGE,
  SCANNER_UPDATE;

  public static ContentShape of(EventType type) {
    return switch (type) {
      case TAG_PUSH, TAG_PULL, TAG_DELETE -> TAGGED_IMAGE;
      case MANIFEST_PUSH, MANIFEST_PULL, MANIFEST_DELETE -> UNTAGGED_IMAGE;
      case SCAN_COMPLETED -> SCAN_COMPLETED;
      case SCAN_FAILED -> SCAN_FAILED;
      case PROMOTION -> PROMOTION;
      case PUSH_MIRRORING, POLL_MIRRORING -> MIRRORING;
      case REPO_CREATED, REPO_UPDATED, REPO_DELETED -> REPOSITORY_CHANGE;
      case SCANNER_UPDATE_COMPLETED -> SCANNER_UPDATE;
    };
  }

  /** Whether {@code contents} have this shape, and say what {@code type} says happened. */
  boolean fits(EventType type, EventContents contents) {
    return switch (this) {
      case TAGGED_IMAGE -> image(contents, true, ImageAction.of(type));
      case UNTAGGED_IMAGE -> image(contents, false, ImageAction.of(type));
      case SCAN_COMPLETED -> contents instanceof ScanCompletedContents;
      case SCAN_FAILED -> contents instanceof ScanFailedContents;
      case PROMOTION -> contents instanceof PromotionContents;
      case MIRRORING -> contents instanceof MirroringContents;
      case REPOSITORY_CHANGE -> contents instanceof RepositoryEventContents r && r.event() == type;
      case SCANNER_UPDATE -> contents instanceof ScannerUpdateContents;
    };
  }

  private static boolean image(EventContents contents, boolean tagged, ImageAction action) {
    return contents instanceof ImageContents i
        && i.tag().isPresent() == tagged
        && i.action() == action;
  }
}
