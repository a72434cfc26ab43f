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
        new SubscriptionId("a".repeat(64)), type, SubscriptionKey.parse(key), new Endpoint("https://example.com/"),
        UUID.randomUUID(), Instant.parse("2026-01-01T00:00:00Z"), TlsTrust.NONE, false, SigningSecret.fromKey(new byte[32]));
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
    assertThatThrownBy(() -> create(EventType.SCANNER_UPDATE_COMPLETED, "ns")).isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> create(EventType.SCANNER_UPDATE_COMPLETED, "ns/repo")).isInstanceOf(InvalidInput.class);
  }

  @Test
  void change_keepsTypeKeyAndAuthorAndAppliesOnlyGivenFields() {
    Subscription original = create(EventType.TAG_PUSH, "ns/repo");
    Subscription changed = original.change(new SubscriptionChanges(
        Optional.empty(), Optional.empty(), Optional.of(true), Optional.of(true)));
    assertThat(changed.endpoint()).isEqualTo(original.endpoint());
    assertThat(changed.inactive()).isTrue();
    assertThat(changed.skipTlsVerification()).isTrue();
    assertThat(changed).usingRecursiveComparison().ignoringFields("inactive", "skipTlsVerification").isEqualTo(original);
  }

  @Test
  void signingSecret_neverShowsInToString() {
    SigningSecret secret = SigningSecret.fromKey(new byte[] {1, 2, 3});
    assertThat(secret.value()).startsWith("whsec_");
    assertThat(secret.toString()).doesNotContain(secret.value().substring(6));
  }
}
