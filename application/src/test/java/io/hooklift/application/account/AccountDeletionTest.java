package io.hooklift.application.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.application.TestApplication;
import io.hooklift.application.port.PageRequest;
import io.hooklift.application.port.Subscriptions.Selection;
import io.hooklift.application.subscription.CreateWebhookCommand;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.event.Event;
import io.hooklift.domain.event.EventExamples;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.repository.RepositorySettings;
import io.hooklift.domain.shared.Conflict;
import io.hooklift.domain.shared.NotFound;
import io.hooklift.domain.subscription.Endpoint;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.SubscriptionId;
import io.hooklift.domain.subscription.TlsTrust;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Deleting an account takes along its tokens, memberships and webhooks: those it authored anywhere
 * and those keyed on its namespace, with their deliveries. Example events happen in {@code
 * foo/bar}.
 */
class AccountDeletionTest {

  private final TestApplication t = new TestApplication();

  private Subscription hook(Actor actor, EventType type, String key) {
    return t.app
        .webhooks()
        .create(
            actor,
            new CreateWebhookCommand(
                type,
                SubscriptionKey.parse(key),
                new Endpoint("https://receiver.example.com/in"),
                TlsTrust.NONE,
                false));
  }

  private void publishTagPush() {
    Event example = EventExamples.example(EventType.TAG_PUSH);
    t.app.events().publish(t.admin, example.type(), example.contents(), Optional.empty());
  }

  private List<Delivery> deliveriesOf(Subscription hook) {
    return t.ports
        .unitOfWork()
        .inTransaction(
            () ->
                t.ports
                    .deliveries()
                    .ofSubscription(hook.id(), Optional.empty(), PageRequest.first(100))
                    .items());
  }

  private List<SubscriptionId> allWebhooks() {
    return t.ports
        .unitOfWork()
        .inTransaction(() -> t.ports.subscriptions().ids(new Selection.All()));
  }

  /** carol owns organization foo and has her own repository carol/app, then loses it. */
  private Actor carolWithRepository() {
    t.organization("foo");
    t.app.repositories().create(t.admin, "foo", "bar", RepositorySettings.DEFAULTS);
    Actor carol = t.user("carol");
    t.app.organizations().putMember(t.admin, "foo", "carol", true);
    t.app.repositories().create(carol, "carol", "app", RepositorySettings.DEFAULTS);
    return carol;
  }

  @Test
  void deleteAccount_deletesTheWebhooksItAuthoredAndThoseOnItsNamespace_withTheirDeliveries() {
    Actor carol = carolWithRepository();
    Subscription carolsOnFoo = hook(carol, EventType.TAG_PUSH, "foo/bar");
    Subscription carolsOnOwnRepository = hook(carol, EventType.TAG_PUSH, "carol/app");
    Subscription adminsOnCarol = hook(t.admin, EventType.REPO_DELETED, "carol");
    Subscription adminsOnFoo = hook(t.admin, EventType.TAG_PUSH, "foo/bar");
    publishTagPush();
    t.app
        .repositories()
        .delete(carol, "carol", "app"); // REPO_DELETED: a delivery for adminsOnCarol
    List<Delivery> doomed =
        List.of(deliveriesOf(carolsOnFoo).get(0), deliveriesOf(adminsOnCarol).get(0));

    t.app.accounts().delete(t.admin, "carol");

    assertThat(allWebhooks()).containsExactly(adminsOnFoo.id());
    assertThat(t.app.webhooks().listVisible(t.admin, PageRequest.first(100)).items())
        .containsExactly(adminsOnFoo);
    for (Subscription gone : List.of(carolsOnFoo, carolsOnOwnRepository, adminsOnCarol)) {
      assertThatThrownBy(() -> t.app.webhooks().get(t.admin, gone.id().value()))
          .isInstanceOf(NotFound.class);
      assertThat(deliveriesOf(gone)).isEmpty();
    }
    for (Delivery delivery : doomed) {
      assertThat(t.ports.unitOfWork().inTransaction(() -> t.ports.deliveries().byId(delivery.id())))
          .isEmpty();
    }
    publishTagPush();
    assertThat(deliveriesOf(adminsOnFoo)).hasSize(2);
  }

  @Test
  void givenNamespaceStillHoldingRepositories_refusedDelete_keepsEveryWebhook() {
    Actor carol = carolWithRepository();
    hook(carol, EventType.TAG_PUSH, "carol/app");
    hook(t.admin, EventType.REPO_UPDATED, "carol");

    assertThatThrownBy(() -> t.app.accounts().delete(t.admin, "carol"))
        .isInstanceOfSatisfying(
            Conflict.class, e -> assertThat(e.code()).isEqualTo("NAMESPACE_NOT_EMPTY"));

    assertThat(allWebhooks()).hasSize(2);
  }

  @Test
  void deleteAccount_takesItsTokensAndMemberships_andANewAccountOfThatNameInheritsNothing() {
    Actor carol = carolWithRepository();
    String token = t.app.tokens().create(carol, "carol", "ci").secret();
    hook(carol, EventType.TAG_PUSH, "carol/app");
    t.app.repositories().delete(carol, "carol", "app");
    UUID foo = t.app.accounts().get(t.admin, "foo").id();

    t.app.accounts().delete(t.admin, "carol");

    assertThat(t.app.authentication().authenticate("carol", token)).isEmpty();
    assertThat(
            t.ports
                .unitOfWork()
                .inTransaction(() -> t.ports.accessTokens().ofUser(carol.accountId())))
        .isEmpty();
    assertThat(
            t.ports
                .unitOfWork()
                .inTransaction(() -> t.ports.organizations().membership(foo, carol.accountId())))
        .isEmpty();
    Actor newCarol = t.user("carol");
    assertThat(t.app.webhooks().listForNamespace(newCarol, "carol", PageRequest.first(10)).items())
        .isEmpty();
    assertThat(t.app.webhooks().listVisible(newCarol, PageRequest.first(10)).items()).isEmpty();
  }
}
