package io.hooklift.application.contract;

import static io.hooklift.application.contract.ContractFixtures.at;
import static io.hooklift.application.contract.ContractFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.application.port.Accounts;
import io.hooklift.application.port.Sessions;
import io.hooklift.application.port.Sessions.StoredSession;
import io.hooklift.application.port.UnitOfWork;
import io.hooklift.domain.account.Account;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Sessions} promises: lookup by hash, activity, removal, expiry sweeps. */
public abstract class SessionsContractTest {

  protected abstract UnitOfWork unitOfWork();

  protected abstract Accounts accounts();

  protected abstract Sessions sessions();

  private final Account alice = user("alice");

  @BeforeEach
  void addUser() {
    unitOfWork().run(() -> accounts().add(alice, Optional.of("h")));
  }

  private <T> T tx(Supplier<T> work) {
    return unitOfWork().inTransaction(work);
  }

  private StoredSession session(String hash, long createdMicros, long lastSeenMicros) {
    return new StoredSession(hash, alice.id(), at(createdMicros), at(lastSeenMicros));
  }

  @Test
  void givenSession_byTokenHash_returnsEveryField() {
    StoredSession s = session("a".repeat(64), 1, 999_999);
    unitOfWork().run(() -> sessions().add(s));

    assertThat(tx(() -> sessions().byTokenHash("a".repeat(64)))).contains(s);
    assertThat(tx(() -> sessions().byTokenHash("b".repeat(64)))).isEmpty();
  }

  @Test
  void touch_movesLastSeenOnly() {
    unitOfWork().run(() -> sessions().add(session("a".repeat(64), 1, 1)));

    unitOfWork().run(() -> sessions().touch("a".repeat(64), at(5_000_000)));

    StoredSession after = tx(() -> sessions().byTokenHash("a".repeat(64))).orElseThrow();
    assertThat(after.lastSeenAt()).isEqualTo(at(5_000_000));
    assertThat(after.createdAt()).isEqualTo(at(1));
  }

  @Test
  void touchOfARemovedSession_doesNotBringItBack() {
    unitOfWork().run(() -> sessions().add(session("a".repeat(64), 1, 1)));
    unitOfWork().run(() -> sessions().remove("a".repeat(64)));

    unitOfWork().run(() -> sessions().touch("a".repeat(64), at(5)));

    assertThat(tx(() -> sessions().byTokenHash("a".repeat(64)))).isEmpty();
  }

  @Test
  void removeExpired_removesIdleAndTooOldSessionsOnly() {
    unitOfWork()
        .run(
            () -> {
              sessions().add(session("1".repeat(64), 100, 100)); // idle
              sessions().add(session("2".repeat(64), 1, 900)); // too old
              sessions().add(session("3".repeat(64), 500, 900)); // live
            });

    int removed = tx(() -> sessions().removeExpired(at(200), at(50)));

    assertThat(removed).isEqualTo(2);
    assertThat(tx(() -> sessions().byTokenHash("1".repeat(64)))).isEmpty();
    assertThat(tx(() -> sessions().byTokenHash("2".repeat(64)))).isEmpty();
    assertThat(tx(() -> sessions().byTokenHash("3".repeat(64)))).isPresent();
  }
}
