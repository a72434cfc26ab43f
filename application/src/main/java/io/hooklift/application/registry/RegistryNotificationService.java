package io.hooklift.application.registry;

import io.hooklift.application.delivery.EventPublisher;
import io.hooklift.application.port.Accounts;
import io.hooklift.application.port.CodeRepositories;
import io.hooklift.application.port.IdGenerator;
import io.hooklift.application.port.RegistryApi;
import io.hooklift.application.port.RegistryIndex;
import io.hooklift.application.port.UnitOfWork;
import io.hooklift.application.registry.ImageChangeRecorder.Recorded;
import io.hooklift.domain.registry.NotificationInterpreter;
import io.hooklift.domain.registry.NotificationReading;
import io.hooklift.domain.registry.NotificationReading.Dropped;
import io.hooklift.domain.registry.NotificationReading.ImageChange;
import io.hooklift.domain.registry.RegistryNotification;
import io.hooklift.domain.shared.NotFound;
import io.hooklift.domain.shared.Unauthenticated;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns a registry's notifications into webhooks, one notification per transaction: the id is
 * marked handled in the same transaction that stores its events, so a retry after a failure stores
 * them then, and a retry after success stores nothing.
 */
public final class RegistryNotificationService implements RegistryNotificationUseCases {

  private static final Logger LOG = System.getLogger(RegistryNotificationService.class.getName());

  private final UnitOfWork tx;
  private final RegistryIndex index;
  private final RegistrySettings settings;
  private final NotificationInterpreter interpreter;
  private final PlatformResolver platforms;
  private final ImageChangeRecorder recorder;
  private final Clock clock;

  public RegistryNotificationService(
      UnitOfWork tx,
      IdGenerator ids,
      Accounts accounts,
      CodeRepositories repositories,
      RegistryIndex index,
      RegistryApi registryApi,
      RegistrySettings settings,
      EventPublisher publisher,
      Clock clock) {
    this.tx = tx;
    this.index = index;
    this.settings = settings;
    this.interpreter = new NotificationInterpreter(settings.headIsPull(), registryApi.userAgent());
    this.platforms = new PlatformResolver(tx, index, registryApi);
    this.recorder =
        new ImageChangeRecorder(index, accounts, repositories, ids, settings, publisher);
    this.clock = clock;
  }

  @Override
  public Receipt receive(String presentedToken, List<RegistryNotification> notifications) {
    authenticate(presentedToken);
    int events = 0;
    int dropped = 0;
    int duplicates = 0;
    for (RegistryNotification notification : notifications) {
      Instant now = clock.instant();
      NotificationReading reading = interpreter.read(notification, now);
      if (reading instanceof Dropped drop) {
        LOG.log(Level.DEBUG, "dropped registry event {0}: {1}", notification.id(), drop.reason());
        dropped++;
        continue;
      }
      ImageChange change = (ImageChange) reading;
      // A resend must be recognised before the look-up: a slow registry API would make every
      // resend late again, and the registry resends until one is answered in time.
      if (tx.inTransaction(() -> index.handled(notification.id()))) {
        duplicates++;
        continue;
      }
      PlatformResolver.Resolved resolved = platforms.resolve(change, notification.requestId());
      Optional<Recorded> recorded =
          tx.inTransaction(
              () ->
                  index.firstSighting(notification.id(), now)
                      ? Optional.of(
                          recorder.record(change, resolved, notification.requestId(), now))
                      : Optional.empty());
      if (recorded.isEmpty()) {
        duplicates++;
      } else if (recorded.get().events() == 0) {
        LOG.log(
            Level.DEBUG,
            "dropped registry event {0}: delete of a digest never seen as a manifest",
            notification.id());
        dropped++;
      } else {
        events += recorded.get().events(); // the publisher hands their deliveries over
      }
    }
    return new Receipt(events, dropped, duplicates);
  }

  @Override
  public void authenticate(String presented) {
    String expected =
        settings
            .token()
            .orElseThrow(
                () ->
                    new NotFound(
                        "REGISTRY_NOTIFICATIONS_DISABLED",
                        "registry notifications are off: set HOOKLIFT_REGISTRY_TOKEN to turn them on"));
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))) {
      throw new Unauthenticated();
    }
  }
}
