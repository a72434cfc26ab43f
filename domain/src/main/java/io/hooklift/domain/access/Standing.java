package io.hooklift.domain.access;

import io.hooklift.domain.shared.AccessDenied;
import io.hooklift.domain.shared.NotFound;
import java.util.function.Supplier;

/**
 * Where the actor stands towards one resource. Callers who cannot see a resource learn nothing
 * about it (404); callers who can see it but may not administer it are told so (403).
 */
public enum Standing {
  INVISIBLE,
  VISIBLE,
  ADMIN;

  /** Passes for {@link #ADMIN}; otherwise throws the not-found or the access-denied error. */
  public void requireAdmin(Supplier<NotFound> hidden, String deniedReason) {
    requireVisible(hidden);
    if (this != ADMIN) {
      throw new AccessDenied(deniedReason);
    }
  }

  public void requireVisible(Supplier<NotFound> hidden) {
    if (this == INVISIBLE) {
      throw hidden.get();
    }
  }
}
