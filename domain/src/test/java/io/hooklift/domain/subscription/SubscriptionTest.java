package io.hooklift.domain.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.domain.event.EventType;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.shared.InvalidInput;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

  private static Subscription create(EventType type, String key) {
    return Subscription.create(
        new SubscriptionId("a".repeat(64)),
        type,
        SubscriptionKey.parse(key),
        new Endpoint("https://example.com/"),
        UUID.randomUUID(),
        Instant.parse("2026-01-01T00:00:00Z"),
        TlsTrust.NONE,
        false,
        SigningSecret.fromKey(new byte[32]));
  }

  @Test
  void givenRepositoryType_anyKeyShapeFits() {
    assertThat(create(EventType.TAG_PUSH, "ns/repo").key().text()).isEqualTo("ns/repo");
    assertThat(create(EventType.TAG_PUSH, "ns").key().text()).isEqualTo("ns");
    assertThat(create(EventType.TAG_PUSH, "").key().text()).isEmpty();
  }

  @Test
  void givenNamespaceType_aRepositoryKeyIsRefusedWithAHint() {
    assertThatThrownBy(() -> create(EventType.REPO_CREATED, "ns/repo"))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("use its namespace 'ns'");
  }

  @Test
  void givenGlobalType_anyKeyIsRefused() {
    assertThatThrownBy(() -> create(EventType.SCANNER_UPDATE_COMPLETED, "ns"))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> create(EventType.SCANNER_UPDATE_COMPLETED, "ns/repo"))
        .isInstanceOf(InvalidInput.class);
  }

  @Test
  void change_keepsTypeKeyAndAuthorAndAppliesOnlyGivenFields() {
    Subscription original = create(EventType.TAG_PUSH, "ns/repo");
    Subscription changed =
        original.change(
            new SubscriptionChanges(
                Optional.empty(), Optional.empty(), Optional.of(true), Optional.of(true)));
    assertThat(changed.endpoint()).isEqualTo(original.endpoint());
    assertThat(changed.inactive()).isTrue();
    assertThat(changed.skipTlsVerification()).isTrue();
    assertThat(changed)
        .usingRecursiveComparison()
        .ignoringFields("inactive", "skipTlsVerification")
        .isEqualTo(original);
  }

  @Test
  void rotateSecret_keepsTheOldSecretSigningForTheGracePeriodOnly() {
    Subscription original = create(EventType.TAG_PUSH, "ns/repo");
    SigningSecret fresh = SigningSecret.fromKey(new byte[] {9, 9, 9});
    Instant now = Instant.parse("2026-02-01T00:00:00Z");
    Subscription rotated = original.rotateSecret(fresh, now, java.time.Duration.ofHours(1));
    assertThat(rotated.secret()).isEqualTo(fresh);
    assertThat(rotated.signingSecrets(now)).containsExactly(fresh, original.secret());
    assertThat(rotated.signingSecrets(now.plusSeconds(3600))).containsExactly(fresh);
    assertThat(original.rotateSecret(fresh, now, java.time.Duration.ZERO).signingSecrets(now))
        .containsExactly(fresh);
  }

  @Test
  void rotateSecret_refusesGraceBeyondSevenDaysAndTooManyLiveSecrets() {
    Subscription s = create(EventType.TAG_PUSH, "ns/repo");
    Instant now = Instant.parse("2026-02-01T00:00:00Z");
    assertThatThrownBy(() -> s.rotateSecret(s.secret(), now, java.time.Duration.ofDays(8)))
        .isInstanceOf(InvalidInput.class);
    Subscription many = s;
    for (int i = 0; i < Subscription.MAX_RETIRED_SECRETS; i++) {
      many =
          many.rotateSecret(
              SigningSecret.fromKey(new byte[] {(byte) i}), now, java.time.Duration.ofDays(1));
    }
    Subscription full = many;
    assertThatThrownBy(() -> full.rotateSecret(s.secret(), now, java.time.Duration.ofDays(1)))
        .isInstanceOf(io.hooklift.domain.shared.Conflict.class);
    assertThat(
            full.rotateSecret(
                    s.secret(),
                    now.plus(java.time.Duration.ofDays(2)),
                    java.time.Duration.ofDays(1))
                .retiredSecrets())
        .hasSize(1);
  }

  @Test
  void signingSecret_neverShowsInToString() {
    SigningSecret secret = SigningSecret.fromKey(new byte[] {1, 2, 3});
    assertThat(secret.value()).startsWith("whsec_");
    assertThat(secret.toString()).doesNotContain(secret.value().substring(6));
  }
}
