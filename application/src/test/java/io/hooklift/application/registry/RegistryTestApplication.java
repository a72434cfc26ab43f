package io.hooklift.application.registry;

import io.hooklift.application.ApplicationAssembly;
import io.hooklift.application.ApplicationAssembly.Assembled;
import io.hooklift.application.Hooklift;
import io.hooklift.application.OutboundPorts;
import io.hooklift.application.TestApplication;
import io.hooklift.application.account.PasswordHashing;
import io.hooklift.application.delivery.DeliverySettings;
import io.hooklift.application.fake.InMemoryEvents;
import io.hooklift.application.fake.InMemoryPorts;
import io.hooklift.application.port.Events;
import io.hooklift.application.port.PageRequest;
import io.hooklift.application.port.StoredEvent;
import io.hooklift.application.registry.RegistryNotificationUseCases.Receipt;
import io.hooklift.application.subscription.CreateWebhookCommand;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.delivery.RetrySchedule;
import io.hooklift.domain.event.Event;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.registry.Notifications;
import io.hooklift.domain.registry.Platform;
import io.hooklift.domain.subscription.Endpoint;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.TlsTrust;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The real application over in-memory fakes, listening to a registry with {@link #TOKEN}, asking
 * {@link #registry} for platforms, with a system admin and the account {@code foo} ready.
 */
final class RegistryTestApplication {

  static final String TOKEN = "registry-secret";
  static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123456Z");
  static final Platform LINUX_AMD64 = new Platform("linux", "amd64", "");
  static final Platform LINUX_ARM64 = new Platform("linux", "arm64", "v8");

  final FakeRegistryApi registry = new FakeRegistryApi();

  /**
   * How many more event appends succeed before one fails, as a database going down would; -1 for
   * none.
   */
  private final AtomicInteger appendsBeforeFailure = new AtomicInteger(-1);

  final OutboundPorts ports;
  final Hooklift app;
  final Actor admin;

  RegistryTestApplication() {
    this(new RegistrySettings(Optional.of(TOKEN), "", false, true));
  }

  RegistryTestApplication(RegistrySettings settings) {
    ports = InMemoryPorts.create(registry, events -> new FailingEvents((InMemoryEvents) events));
    Assembled assembled =
        ApplicationAssembly.assemble(
            ports,
            Clock.fixed(NOW, ZoneOffset.UTC),
            new PasswordHashing(1),
            DeliverySettings.defaults(RetrySchedule.standard()),
            ApplicationAssembly.DEFAULT_RETENTION,
            settings);
    assembled.firstStart().ensureInitialAdmin("admin-password");
    app = assembled.useCases();
    admin = TestApplication.adminOf(ports);
  }

  /** The fakes' events, except that appends fail as {@link #failAppendAfter} says. */
  private final class FailingEvents implements Events {

    private final InMemoryEvents stored;

    FailingEvents(InMemoryEvents stored) {
      this.stored = stored;
    }

    @Override
    public void append(Event event) {
      if (appendsBeforeFailure.getAndUpdate(n -> n < 0 ? n : n - 1) == 0) {
        throw new IllegalStateException("database unavailable");
      }
      stored.append(event);
    }

    @Override
    public Optional<StoredEvent> byId(UUID id) {
      return stored.byId(id);
    }

    @Override
    public int deleteUnreferencedBefore(Instant cutoff, int limit) {
      return stored.deleteUnreferencedBefore(cutoff, limit);
    }
  }

  /**
   * The next {@code successes} event appends succeed, the one after fails, later ones succeed
   * again.
   */
  void failAppendAfter(int successes) {
    appendsBeforeFailure.set(successes);
  }

  Actor user(String name) {
    return TestApplication.user(app, admin, name);
  }

  void organization(String name) {
    TestApplication.organization(app, admin, name);
  }

  Receipt receive(Notifications... notifications) {
    return app.registry()
        .receive(TOKEN, Arrays.stream(notifications).map(Notifications::build).toList());
  }

  List<StoredEvent> events() {
    return ((FailingEvents) ports.events()).stored.all();
  }

  /** The stored events' JSON envelopes, in the order they were stored. */
  List<String> envelopes() {
    return events().stream().map(StoredEvent::envelopeJson).toList();
  }

  List<EventType> eventTypes() {
    return events().stream().map(StoredEvent::type).toList();
  }

  Subscription subscribe(Actor actor, EventType type, String key) {
    return app.webhooks()
        .create(
            actor,
            new CreateWebhookCommand(
                type,
                SubscriptionKey.parse(key),
                new Endpoint("https://ci.example.com/hook"),
                TlsTrust.NONE,
                false));
  }

  /** The envelopes queued for a subscription, in the order their events were stored. */
  List<String> deliveredTo(Subscription subscription) {
    Set<UUID> eventIds =
        ports
            .unitOfWork()
            .inTransaction(
                () ->
                    ports
                        .deliveries()
                        .ofSubscription(subscription.id(), Optional.empty(), PageRequest.first(100))
                        .items()
                        .stream()
                        .map(Delivery::eventId)
                        .collect(Collectors.toSet()));
    return events().stream()
        .filter(e -> eventIds.contains(e.id()))
        .map(StoredEvent::envelopeJson)
        .toList();
  }

  /** {@code os/architecture} of an image event's envelope. */
  static String platformOf(String envelope) {
    int os = envelope.indexOf("\"os\":\"");
    int arch = envelope.indexOf("\"architecture\":\"");
    return envelope.substring(os + 6, envelope.indexOf('"', os + 6))
        + "/"
        + envelope.substring(arch + 16, envelope.indexOf('"', arch + 16));
  }
}
