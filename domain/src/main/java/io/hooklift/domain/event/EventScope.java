package io.hooklift.domain.event;

/** Where an event happens, and therefore what a subscription key for it may name. */
public enum EventScope {
  /**
   * Happens in one repository; keyed by {@code ns/repo} or by {@code ns} for all of a namespace.
   */
  REPOSITORY("Individual repositories"),
  /** Happens to a namespace's repositories as a set; keyed by {@code ns}. */
  NAMESPACE("Namespace, organizations"),
  /** Happens to the registry as a whole; no key. */
  GLOBAL("Global");

  private final String description;

  EventScope(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** Whether a subscription keyed by one repository ({@code ns/repo}) fits events of this scope. */
  public boolean takesRepositoryKey() {
    return this == REPOSITORY;
  }

  /** Whether a subscription keyed by a namespace ({@code ns}) fits events of this scope. */
  public boolean takesNamespaceKey() {
    return this != GLOBAL;
  }
}
