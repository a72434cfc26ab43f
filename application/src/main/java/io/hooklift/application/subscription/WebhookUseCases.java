package io.hooklift.application.subscription;

import io.hooklift.application.port.Page;
import io.hooklift.application.port.PageRequest;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.SubscriptionChanges;
import java.util.List;

/**
 * Webhook subscriptions, with MSR's rules: subscribing, changing and deleting need admin rights on
 * the key's resource (repository admin, namespace owner, or system admin for global keys); a caller
 * who cannot see a subscription gets "not found".
 */
public interface WebhookUseCases {

  /** The created subscription; its signing secret is shown to the caller this once. */
  Subscription create(Actor actor, CreateWebhookCommand command);

  /** The actor's own subscriptions; every subscription for system admins. */
  Page<Subscription> listVisible(Actor actor, PageRequest page);

  /** Repository admins: every subscription keyed on the repository. */
  Page<Subscription> listForRepository(
      Actor actor, String namespace, String repository, PageRequest page);

  /** Namespace owners: every subscription keyed on the namespace or a repository in it. */
  Page<Subscription> listForNamespace(Actor actor, String namespace, PageRequest page);

  Subscription get(Actor actor, String id);

  Subscription update(Actor actor, String id, SubscriptionChanges changes);

  void delete(Actor actor, String id);

  /**
   * Gives the webhook a new signing secret, returned here and never again; the old one keeps
   * signing (a second {@code webhook-signature} entry) for {@code grace}, 0 to 7 days.
   */
  Subscription rotateSecret(Actor actor, String id, java.time.Duration grace);

  /** The catalogue, in MSR's order. */
  List<EventType> types();
}
