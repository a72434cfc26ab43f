package io.hooklift.domain.subscription;

import io.hooklift.domain.event.EventScope;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.shared.InvalidInput;

/** Which keys fit which event types: the shape rule of a subscription's key. */
final class KeyScope {

  private KeyScope() {}

  /**
   * A key must name a resource of the type's scope: repository events may be keyed by repository or
   * namespace, namespace events by namespace, global events by nothing. An empty key (global) fits
   * every type; who may use it is an access question, not a shape question.
   */
  static void requireFits(EventType type, SubscriptionKey key) {
    if (key instanceof SubscriptionKey.OfRepository repo && !type.scope().takesRepositoryKey()) {
      throw InvalidInput.field(
          "key",
          type
              + " is a "
              + type.scope().name().toLowerCase(java.util.Locale.ROOT)
              + " event; key '"
              + repo.text()
              + "' names a repository"
              + (type.scope() == EventScope.NAMESPACE
                  ? " (use its namespace '" + repo.path().namespace() + "')"
                  : " (omit the key)"));
    }
    if (key instanceof SubscriptionKey.OfNamespace ns && !type.scope().takesNamespaceKey()) {
      throw InvalidInput.field(
          "key", type + " is a global event; it takes no key, got '" + ns.text() + "'");
    }
  }
}
