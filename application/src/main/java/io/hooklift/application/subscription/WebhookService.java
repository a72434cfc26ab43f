package io.hooklift.application.subscription;

import io.hooklift.application.access.AccessResolver;
import io.hooklift.application.port.EndpointGuard;
import io.hooklift.application.port.IdGenerator;
import io.hooklift.application.port.Page;
import io.hooklift.application.port.PageRequest;
import io.hooklift.application.port.Subscriptions;
import io.hooklift.application.port.Subscriptions.Selection;
import io.hooklift.application.port.UnitOfWork;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.event.RequiredAccess;
import io.hooklift.domain.naming.NamespaceName;
import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.shared.AccessDenied;
import io.hooklift.domain.shared.InvalidInput;
import io.hooklift.domain.shared.NotFound;
import io.hooklift.domain.subscription.Endpoint;
import io.hooklift.domain.subscription.SigningSecret;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.SubscriptionChanges;
import java.time.Clock;
import java.util.List;

/**
 * Webhook subscriptions under MSR's rules. Authorisation always derives from the subscription's
 * stored key, never from anything in the request path or body, so an id alone grants nothing.
 */
public final class WebhookService implements WebhookUseCases {

  private static final int SECRET_BYTES = 32;

  private final UnitOfWork tx;
  private final IdGenerator ids;
  private final Subscriptions subscriptions;
  private final Clock clock;
  private final AccessResolver access;
  private final EndpointGuard guard;
  private final WebhookAccess webhookAccess;

  public WebhookService(
      UnitOfWork tx,
      IdGenerator ids,
      Subscriptions subscriptions,
      EndpointGuard guard,
      AccessResolver access,
      WebhookAccess webhookAccess,
      Clock clock) {
    this.tx = tx;
    this.ids = ids;
    this.subscriptions = subscriptions;
    this.guard = guard;
    this.access = access;
    this.webhookAccess = webhookAccess;
    this.clock = clock;
  }

  @Override
  public Subscription create(Actor actor, CreateWebhookCommand command) {
    if (command.type().requiredAccess() == RequiredAccess.SYSTEM_ADMIN && !actor.systemAdmin()) {
      throw new AccessDenied(deniedReason(command.type(), command.key()));
    }
    if (command.key() instanceof SubscriptionKey.Global && !actor.systemAdmin()) {
      throw InvalidInput.field(
          "key",
          "key is required: give 'namespace' or 'namespace/repository' (only system admins may omit it)");
    }
    command.filters().requireFits(command.type());
    requireReachable(command.endpoint());
    return tx.inTransaction(
        () -> {
          access
              .key(actor, command.key())
              .requireAdmin(
                  () -> noSuchResource(command.key()), deniedReason(command.type(), command.key()));
          Subscription created =
              Subscription.create(
                      ids.subscriptionId(),
                      command.type(),
                      command.key(),
                      command.endpoint(),
                      actor.accountId(),
                      clock.instant(),
                      command.tlsTrust(),
                      command.skipTlsVerification(),
                      SigningSecret.fromKey(ids.secretBytes(SECRET_BYTES)))
                  .configured(command.filters(), command.payloadFormat(), command.headers());
          subscriptions.add(created);
          return created;
        });
  }

  @Override
  public Page<Subscription> listVisible(Actor actor, PageRequest page) {
    Selection selection =
        actor.systemAdmin() ? new Selection.All() : new Selection.ByAuthor(actor.accountId());
    return tx.inTransaction(() -> subscriptions.list(selection, page));
  }

  @Override
  public Page<Subscription> listForRepository(
      Actor actor, String namespace, String repository, PageRequest page) {
    SubscriptionKey key =
        new SubscriptionKey.OfRepository(RepositoryPath.of(namespace, repository));
    return tx.inTransaction(
        () -> {
          access
              .key(actor, key)
              .requireAdmin(
                  () -> noSuchResource(key),
                  "only admins of '" + key.text() + "' may list its webhooks");
          return subscriptions.list(
              new Selection.ByRepository(((SubscriptionKey.OfRepository) key).path()), page);
        });
  }

  @Override
  public Page<Subscription> listForNamespace(Actor actor, String namespace, PageRequest page) {
    NamespaceName name = new NamespaceName(namespace);
    SubscriptionKey key = new SubscriptionKey.OfNamespace(name);
    return tx.inTransaction(
        () -> {
          access
              .key(actor, key)
              .requireAdmin(
                  () -> noSuchResource(key),
                  "only owners of '" + namespace + "' may list its webhooks");
          return subscriptions.list(new Selection.ByNamespace(name), page);
        });
  }

  @Override
  public Subscription get(Actor actor, String id) {
    return tx.inTransaction(() -> webhookAccess.requireVisible(actor, id));
  }

  @Override
  public Subscription update(Actor actor, String id, SubscriptionChanges changes) {
    changes.endpoint().ifPresent(this::requireReachable);
    return tx.inTransaction(
        () -> {
          Subscription changed =
              webhookAccess.requireManageable(actor, id).change(changes, clock.instant());
          subscriptions.update(changed);
          return changed;
        });
  }

  @Override
  public void delete(Actor actor, String id) {
    tx.run(() -> subscriptions.delete(webhookAccess.requireManageable(actor, id).id()));
  }

  @Override
  public Subscription rotateSecret(Actor actor, String id, java.time.Duration grace) {
    return tx.inTransaction(
        () -> {
          Subscription rotated =
              webhookAccess
                  .requireManageable(actor, id)
                  .rotateSecret(
                      SigningSecret.fromKey(ids.secretBytes(SECRET_BYTES)), clock.instant(), grace);
          subscriptions.update(rotated);
          return rotated;
        });
  }

  @Override
  public List<EventType> types() {
    return List.of(EventType.values());
  }

  /** The create-time egress check; it runs before the transaction because it may resolve a name. */
  private void requireReachable(Endpoint endpoint) {
    requireReachable(guard, endpoint);
  }

  /**
   * The egress check of create, PATCH and test send alike: a 400 naming the endpoint field when
   * deliveries to {@code endpoint} would be refused.
   */
  public static void requireReachable(EndpointGuard guard, Endpoint endpoint) {
    guard
        .refusal(endpoint)
        .ifPresent(
            reason -> {
              throw InvalidInput.field(
                  "endpoint", "endpoint is not reachable from Hooklift: " + reason);
            });
  }

  private static String deniedReason(EventType type, SubscriptionKey key) {
    return switch (type.requiredAccess()) {
      case REPOSITORY_ADMIN ->
          key instanceof SubscriptionKey.OfNamespace
              ? "subscribing to "
                  + type
                  + " for all of '"
                  + key.text()
                  + "' needs namespace ownership"
              : "subscribing to "
                  + type
                  + " on '"
                  + key.text()
                  + "' needs admin rights on the repository";
      case NAMESPACE_OWNER ->
          "subscribing to " + type + " on '" + key.text() + "' needs ownership of the namespace";
      case SYSTEM_ADMIN -> type + " is a global event; only system admins may subscribe to it";
    };
  }

  private static NotFound noSuchResource(SubscriptionKey key) {
    return key instanceof SubscriptionKey.OfRepository repo
        ? AccessResolver.noSuchRepository(repo.path())
        : AccessResolver.noSuchAccount(key.text());
  }
}
