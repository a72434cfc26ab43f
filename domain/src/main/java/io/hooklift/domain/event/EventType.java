package io.hooklift.domain.event;

import io.hooklift.domain.shared.InvalidInput;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The fifteen MSR webhook event types, each with its scope, required access and availability. */
public enum EventType {
  TAG_PUSH("Tag pushed to repository", EventScope.REPOSITORY, true),
  TAG_PULL("Tag pulled from repository", EventScope.REPOSITORY, true),
  TAG_DELETE("Tag deleted from repository", EventScope.REPOSITORY, true),
  MANIFEST_PUSH("Manifest pushed to repository", EventScope.REPOSITORY, true),
  MANIFEST_PULL("Manifest pulled from repository", EventScope.REPOSITORY, true),
  MANIFEST_DELETE("Manifest deleted from repository", EventScope.REPOSITORY, true),
  SCAN_COMPLETED("Security scan completed", EventScope.REPOSITORY, true),
  SCAN_FAILED("Security scan failed", EventScope.REPOSITORY, true),
  PROMOTION("Image promoted from repository", EventScope.REPOSITORY, true),
  PUSH_MIRRORING("Image mirrored from repository", EventScope.REPOSITORY, true),
  POLL_MIRRORING("Image mirrored from remote repository", EventScope.REPOSITORY, true),
  REPO_CREATED("Repository created", EventScope.NAMESPACE, false),
  REPO_UPDATED("Repository updated", EventScope.NAMESPACE, false),
  REPO_DELETED("Repository deleted", EventScope.NAMESPACE, false),
  SCANNER_UPDATE_COMPLETED("Security scanner update completed", EventScope.GLOBAL, false);

  private final String description;
  private final EventScope scope;
  private final boolean inWebUi;

  EventType(String description, EventScope scope, boolean inWebUi) {
    this.description = description;
    this.scope = scope;
    this.inWebUi = inWebUi;
  }

  public String description() {
    return description;
  }

  public EventScope scope() {
    return scope;
  }

  /**
   * MSR offers repository-scoped types in its web UI and the others through its API only.
   * Hooklift's console offers every type; this keeps MSR's split for reference.
   */
  public boolean availableInWebUi() {
    return inWebUi;
  }

  public RequiredAccess requiredAccess() {
    return switch (scope) {
      case REPOSITORY -> RequiredAccess.REPOSITORY_ADMIN;
      case NAMESPACE -> RequiredAccess.NAMESPACE_OWNER;
      case GLOBAL -> RequiredAccess.SYSTEM_ADMIN;
    };
  }

  /** Parses the wire name; anything else is refused with the list of known types. */
  public static EventType parse(String text) {
    for (EventType type : values()) {
      if (type.name().equals(text)) {
        return type;
      }
    }
    String known = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    throw InvalidInput.field(
        "type",
        "unknown event type '"
            + (text == null ? "" : text.replaceAll("\\p{Cntrl}", "?"))
            + "'; expected one of "
            + known);
  }
}
