package io.hooklift.application.subscription;

import io.hooklift.application.access.AccessResolver;
import io.hooklift.application.port.Subscriptions;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.access.Standing;
import io.hooklift.domain.shared.NotFound;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.SubscriptionId;

/**
 * Who may see and manage an existing webhook, decided from its stored key (never from the request):
 * its author, system admins and admins of its resource see it; only admins of the resource (or
 * system admins) change it, delete it or act on its deliveries, even if they created it (MSR's
 * rule). Must be called inside a unit of work.
 */
public final class WebhookAccess {

  private final Subscriptions subscriptions;
  private final AccessResolver access;

  public WebhookAccess(Subscriptions subscriptions, AccessResolver access) {
    this.subscriptions = subscriptions;
    this.access = access;
  }

  public Subscription requireVisible(Actor actor, String id) {
    return find(actor, id).subscription();
  }

  public Subscription requireManageable(Actor actor, String id) {
    Found found = find(actor, id);
    found
        .standing()
        .requireAdmin(
            WebhookAccess::noSuchWebhook,
            "only admins of '"
                + found.subscription().key().text()
                + "' may change or delete its webhooks");
    return found.subscription();
  }

  public static NotFound noSuchWebhook() {
    return new NotFound("NO_SUCH_WEBHOOK", "no webhook with that id is visible to you");
  }

  private Found find(Actor actor, String id) {
    if (!SubscriptionId.isWellFormed(id)) {
      throw noSuchWebhook();
    }
    Subscription found =
        subscriptions.byId(new SubscriptionId(id)).orElseThrow(WebhookAccess::noSuchWebhook);
    Standing standing = access.key(actor, found.key());
    boolean visible =
        actor.systemAdmin()
            || standing == Standing.ADMIN
            || found.authorId().equals(actor.accountId());
    if (!visible) {
      throw noSuchWebhook();
    }
    return new Found(found, standing);
  }

  private record Found(Subscription subscription, Standing standing) {}
}
