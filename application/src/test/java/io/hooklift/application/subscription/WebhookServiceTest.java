package io.hooklift.application.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.application.TestApplication;
import io.hooklift.application.port.Page;
import io.hooklift.application.port.PageRequest;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.repository.RepositorySettings;
import io.hooklift.domain.shared.AccessDenied;
import io.hooklift.domain.subscription.Endpoint;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.TlsTrust;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookServiceTest {

  private final TestApplication t = new TestApplication();

  private Subscription hook(Actor actor, String key) {
    return t.app
        .webhooks()
        .create(
            actor,
            new CreateWebhookCommand(
                EventType.TAG_PUSH,
                SubscriptionKey.parse(key),
                new Endpoint("https://example.com/in"),
                TlsTrust.NONE,
                true));
  }

  @Test
  void create_fillsServerOwnedFields() {
    Actor alice = t.user("alice");
    t.app.repositories().create(alice, "alice", "words", RepositorySettings.DEFAULTS);
    Subscription created = hook(alice, "alice/words");
    assertThat(created.id().value()).matches("[0-9a-f]{64}");
    assertThat(created.authorId()).isEqualTo(alice.accountId());
    assertThat(created.createdAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00.123456Z"));
    assertThat(created.lastSuccessfulAt()).isEmpty();
    assertThat(created.inactive()).isFalse();
    assertThat(created.skipTlsVerification()).isTrue();
    assertThat(created.secret().value()).startsWith("whsec_");
    assertThat(t.app.webhooks().get(alice, created.id().value())).isEqualTo(created);
  }

  @Test
  void listVisible_showsOwnSubscriptionsToUsersAndAllToSystemAdmins() {
    Actor alice = t.user("alice");
    Actor bob = t.user("bob");
    hook(alice, "alice");
    hook(bob, "bob");
    assertThat(t.app.webhooks().listVisible(alice, PageRequest.first(10)).items())
        .extracting(Subscription::key)
        .containsExactly(SubscriptionKey.parse("alice"));
    assertThat(t.app.webhooks().listVisible(t.admin, PageRequest.first(10)).items()).hasSize(2);
  }

  @Test
  void givenAuthorWhoLostAdminRights_canStillSeeButNoLongerDeleteTheirWebhook() {
    t.organization("acme");
    Actor carol = t.user("carol");
    t.app.organizations().putMember(t.admin, "acme", "carol", true);
    t.app.repositories().create(carol, "acme", "web", RepositorySettings.DEFAULTS);
    Subscription hook = hook(carol, "acme/web");
    t.app.organizations().putMember(t.admin, "acme", "carol", false);

    assertThat(t.app.webhooks().get(carol, hook.id().value())).isEqualTo(hook);
    assertThatThrownBy(() -> t.app.webhooks().delete(carol, hook.id().value()))
        .isInstanceOf(AccessDenied.class);
  }

  @Test
  void rotateSecret_givesANewSecretAndKeepsTheOldOneSigningDuringTheGrace() {
    Actor alice = t.user("alice");
    Subscription hook = hook(alice, "alice");
    Subscription rotated =
        t.app.webhooks().rotateSecret(alice, hook.id().value(), java.time.Duration.ofHours(2));
    assertThat(rotated.secret()).isNotEqualTo(hook.secret());
    Instant now = Instant.parse("2026-11-23T10:00:00.123456Z");
    assertThat(t.app.webhooks().get(alice, hook.id().value()).signingSecrets(now))
        .containsExactly(rotated.secret(), hook.secret());
    assertThatThrownBy(
            () ->
                t.app
                    .webhooks()
                    .rotateSecret(t.user("bob"), hook.id().value(), java.time.Duration.ZERO))
        .isInstanceOf(io.hooklift.domain.shared.NotFound.class);
  }

  @Test
  void paging_walksTheListWithNextPageStart() {
    Actor alice = t.user("alice");
    for (int i = 0; i < 5; i++) {
      hook(alice, "alice");
    }
    Page<Subscription> first = t.app.webhooks().listVisible(alice, PageRequest.first(2));
    assertThat(first.items()).hasSize(2);
    Page<Subscription> second =
        t.app.webhooks().listVisible(alice, new PageRequest(first.nextPageStart(), 2));
    Page<Subscription> third =
        t.app.webhooks().listVisible(alice, new PageRequest(second.nextPageStart(), 2));
    assertThat(third.items()).hasSize(1);
    assertThat(third.nextPageStart()).isEmpty();
    assertThat(Optional.of(second.items().get(0).id().value())).isEqualTo(first.nextPageStart());
  }
}
