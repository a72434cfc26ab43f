package io.hooklift.application.contract;

import io.hooklift.domain.account.Account;
import io.hooklift.domain.account.AccountType;
import io.hooklift.domain.account.Team;
import io.hooklift.domain.event.Event;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.event.ImageContents;
import io.hooklift.domain.naming.NamespaceName;
import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.repository.CodeRepository;
import io.hooklift.domain.repository.RepositorySettings;
import io.hooklift.domain.repository.Visibility;
import io.hooklift.domain.subscription.Endpoint;
import io.hooklift.domain.subscription.SigningSecret;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.SubscriptionId;
import io.hooklift.domain.subscription.TlsTrust;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Domain objects for the contract tests, with every field set to something a mapping could lose.
 */
public final class ContractFixtures {

  /** Microsecond precision, the finest the application stores; deliberately not a whole second. */
  public static final Instant T0 = Instant.parse("2026-03-14T15:09:26.535897Z");

  /** A real self-signed certificate, because {@link TlsTrust} parses what it is given. */
  public static final TlsTrust CERTIFICATE =
      new TlsTrust(
          """
          -----BEGIN CERTIFICATE-----
          MIIBhzCCAS2gAwIBAgIUSzbN6PH/grtCOP10k1+81XGlf+gwCgYIKoZIzj0EAwIw
          GDEWMBQGA1UEAwwNaG9va2xpZnQtdGVzdDAgFw0yNjExMjMxODM2NDZaGA8yMTI2
          MTAzMDE4MzY0NlowGDEWMBQGA1UEAwwNaG9va2xpZnQtdGVzdDBZMBMGByqGSM49
          AgEGCCqGSM49AwEHA0IABBGnnEGDZ2ItLLLiRZfqo43lkGSgwABXV1X9COC4DLCF
          aQDczI1lgpZ+QvpqWT1rg2IMeuZYdB8A0rK4h14CAl2jUzBRMB0GA1UdDgQWBBRB
          z/XFbikJu0FoXHawChrpF7fd3DAfBgNVHSMEGDAWgBRBz/XFbikJu0FoXHawChrp
          F7fd3DAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0gAMEUCIQDMUaZpRW2K
          F8b8RV2No2EF/NrshxbJ8gd9bdHWo3gh6wIgFcKFAOh3SfGhgi+8Z9kMFHtDUoIs
          XdZKTCOPbTcIVAQ=
          -----END CERTIFICATE-----
          """);

  private ContractFixtures() {}

  public static Instant at(long microsAfterT0) {
    return T0.plus(microsAfterT0, ChronoUnit.MICROS);
  }

  /** A tag push to acme/app at {@code micros} after T0. */
  public static Event event(long micros) {
    ImageContents contents =
        new ImageContents(
            "acme",
            "app",
            Optional.of("v" + micros),
            "sha256:abc",
            "registry.example.com/acme/app:v" + micros,
            "linux",
            "amd64",
            "Zoë ✓",
            ImageContents.ImageAction.PUSHED,
            at(micros));
    return new Event(
        UUID.randomUUID(),
        EventType.TAG_PUSH,
        Optional.of(RepositoryPath.of("acme", "app")),
        at(micros),
        contents,
        "https://registry.example.com/v2/acme/app/manifests/v" + micros);
  }

  public static Account user(String name) {
    return new Account(UUID.randomUUID(), new NamespaceName(name), AccountType.USER, false, T0);
  }

  public static Account admin(String name) {
    return new Account(UUID.randomUUID(), new NamespaceName(name), AccountType.USER, true, at(1));
  }

  public static Account organization(String name) {
    return new Account(
        UUID.randomUUID(), new NamespaceName(name), AccountType.ORGANIZATION, false, at(2));
  }

  public static Team team(Account organization, String name) {
    return new Team(UUID.randomUUID(), organization.id(), new NamespaceName(name));
  }

  public static CodeRepository repository(String namespace, String name) {
    return CodeRepository.create(
        UUID.randomUUID(),
        RepositoryPath.of(namespace, name),
        AccountType.USER,
        RepositorySettings.DEFAULTS);
  }

  /** Every setting away from its default, and a long description at the maximum length. */
  public static RepositorySettings unusualSettings() {
    String longDescription =
        "Ünïcødé ✓ 日本語 \"quoted\" 'single' \\ "
            .repeat(1000)
            .substring(0, RepositorySettings.MAX_LONG_DESCRIPTION);
    return new RepositorySettings(
        "short – ☃", longDescription, Visibility.PRIVATE, true, true, true, 42);
  }

  /** 64 random lower-case hex digits. */
  public static SubscriptionId subscriptionId() {
    byte[] bytes = new byte[32];
    ThreadLocalRandom.current().nextBytes(bytes);
    return new SubscriptionId(HexFormat.of().formatHex(bytes));
  }

  /** A fresh, never-delivered subscription; the type is picked to fit the key. */
  public static Subscription subscription(SubscriptionKey key, UUID authorId, Instant createdAt) {
    return subscription(subscriptionId(), key, authorId, createdAt);
  }

  /** As {@link #subscription(SubscriptionKey, UUID, Instant)}, with the given id. */
  public static Subscription subscription(
      SubscriptionId id, SubscriptionKey key, UUID authorId, Instant createdAt) {
    EventType type =
        key instanceof SubscriptionKey.Global
            ? EventType.SCANNER_UPDATE_COMPLETED
            : EventType.TAG_PUSH;
    return Subscription.create(
        id,
        type,
        key,
        new Endpoint("https://hooks.example.com/in"),
        authorId,
        createdAt,
        TlsTrust.NONE,
        false,
        SigningSecret.fromKey(new byte[] {1, 2, 3, 4}));
  }

  /** A subscription with no field at its default, to catch a mapping that drops one. */
  public static Subscription unusualSubscription(UUID authorId) {
    return new Subscription(
        subscriptionId(),
        EventType.MANIFEST_DELETE,
        SubscriptionKey.parse("some-ns/some.repo"),
        new Endpoint("https://hooks.example.com:8443/déjà-vu/ünïcode?q=ß&x=1"),
        authorId,
        at(7),
        Optional.of(at(123_456_789)),
        true,
        CERTIFICATE,
        true,
        SigningSecret.fromKey("k€y-material".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        java.util.List.of(
            new io.hooklift.domain.subscription.RetiredSecret(
                SigningSecret.fromKey(new byte[] {1, 2, 3}), at(900)),
            new io.hooklift.domain.subscription.RetiredSecret(
                SigningSecret.fromKey(new byte[24]), at(901))));
  }
}
