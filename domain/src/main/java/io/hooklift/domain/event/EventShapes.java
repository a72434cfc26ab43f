package io.hooklift.domain.event;

import io.hooklift.domain.event.ImageContents.ImageAction;

/** Which content structure each event type carries, as the MSR documentation describes them. */
final class EventShapes {

  private EventShapes() {}

  static boolean fits(EventType type, EventContents contents) {
    return switch (type) {
      case TAG_PUSH -> image(contents, true, ImageAction.PUSHED);
      case TAG_PULL -> image(contents, true, ImageAction.PULLED);
      case TAG_DELETE -> image(contents, true, ImageAction.DELETED);
      case MANIFEST_PUSH -> image(contents, false, ImageAction.PUSHED);
      case MANIFEST_PULL -> image(contents, false, ImageAction.PULLED);
      case MANIFEST_DELETE -> image(contents, false, ImageAction.DELETED);
      case SCAN_COMPLETED -> contents instanceof ScanCompletedContents;
      case SCAN_FAILED -> contents instanceof ScanFailedContents;
      case PROMOTION -> contents instanceof PromotionContents;
      case PUSH_MIRRORING, POLL_MIRRORING -> contents instanceof MirroringContents;
      case REPO_CREATED, REPO_UPDATED, REPO_DELETED ->
          contents instanceof RepositoryEventContents r && r.event() == type;
      case SCANNER_UPDATE_COMPLETED -> contents instanceof ScannerUpdateContents;
    };
  }

  private static boolean image(EventContents contents, boolean tagged, ImageAction action) {
    return contents instanceof ImageContents i
        && i.tag().isPresent() == tagged
        && i.action() == action;
  }
}
