package io.hooklift.domain.event;

/** Who may subscribe to an event type, as the MSR catalogue states it. */
public enum RequiredAccess {
  REPOSITORY_ADMIN("Repository admin"),
  NAMESPACE_OWNER("Namespace, organization owners"),
  SYSTEM_ADMIN("MSR admin");

  private final String description;

  RequiredAccess(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
