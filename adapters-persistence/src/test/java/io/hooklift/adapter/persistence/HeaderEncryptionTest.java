package io.hooklift.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.adapter.persistence.subscription.HeaderCipher;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.filter.SubscriptionFilters;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.shared.Conflict;
import io.hooklift.domain.subscription.CustomHeaders;
import io.hooklift.domain.subscription.Endpoint;
import io.hooklift.domain.subscription.PayloadFormat;
import io.hooklift.domain.subscription.SigningSecret;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.SubscriptionId;
import io.hooklift.domain.subscription.TlsTrust;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom headers at rest: encrypted in the database, readable only with the key they were stored
 * with, and a start without that key fails naming the problem instead of failing deliveries.
 */
class HeaderEncryptionTest {

  private static final String SECRET_VALUE = "Bearer do-not-store-me-in-clear";

  @TempDir Path dataDir;

  private static byte[] key(int fill) {
    byte[] key = new byte[HeaderCipher.KEY_BYTES];
    Arrays.fill(key, (byte) fill);
    return key;
  }

  private static Subscription withHeader() {
    return Subscription.create(
            new SubscriptionId("a".repeat(64)),
            EventType.TAG_PUSH,
            SubscriptionKey.parse("acme"),
            new Endpoint("https://example.com/hook"),
            UUID.randomUUID(),
            Instant.parse("2026-01-02T03:04:05Z"),
            TlsTrust.NONE,
            false,
            SigningSecret.fromKey(new byte[] {1}))
        .configured(
            SubscriptionFilters.NONE,
            PayloadFormat.MSR,
            CustomHeaders.of(Map.of("Authorization", SECRET_VALUE)));
  }

  @Test
  void storedHeaders_areEncrypted_andReadBackWithTheKey() throws Exception {
    DatabaseSettings settings = DatabaseSettings.embeddedH2(dataDir);
    try (PersistenceModule module =
        PersistenceModule.start(settings, HeaderCipher.withKey(key(1)))) {
      module.unitOfWork().run(() -> module.subscriptions().add(withHeader()));
      try (Connection c = module.dataSource().getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT headers FROM subscriptions")) {
        rs.next();
        assertThat(rs.getString(1))
            .startsWith("v1.")
            .doesNotContain("do-not-store")
            .doesNotContain("Authorization");
      }
    }
    try (PersistenceModule again =
        PersistenceModule.start(settings, HeaderCipher.withKey(key(1)))) {
      Subscription read =
          again
              .unitOfWork()
              .inTransaction(() -> again.subscriptions().byId(withHeader().id()))
              .orElseThrow();
      assertThat(read.headers().headers().get(0).value()).isEqualTo(SECRET_VALUE);
    }
  }

  @Test
  void givenStoredHeaders_aStartWithoutTheKeyOrWithAnotherKey_failsSayingSo() {
    DatabaseSettings settings = DatabaseSettings.embeddedH2(dataDir);
    try (PersistenceModule module =
        PersistenceModule.start(settings, HeaderCipher.withKey(key(1)))) {
      module.unitOfWork().run(() -> module.subscriptions().add(withHeader()));
    }

    assertThatThrownBy(() -> PersistenceModule.start(settings).close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("HOOKLIFT_SECRET_KEY is not set");
    assertThatThrownBy(
            () -> PersistenceModule.start(settings, HeaderCipher.withKey(key(2))).close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("set it to the key they were stored with");
  }

  @Test
  void withoutAKey_aWebhookWithHeadersIsRefused_andOneWithoutIsStored() {
    try (PersistenceModule module = PersistenceModule.start(DatabaseSettings.embeddedH2(dataDir))) {
      assertThatThrownBy(
              () -> module.unitOfWork().run(() -> module.subscriptions().add(withHeader())))
          .isInstanceOf(Conflict.class)
          .hasMessageContaining("HOOKLIFT_SECRET_KEY");
    }
  }

  @Test
  void aKeyOfTheWrongLength_isRefused() {
    assertThatThrownBy(() -> HeaderCipher.withKey(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
