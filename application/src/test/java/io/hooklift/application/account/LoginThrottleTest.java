package io.hooklift.application.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.application.TestApplication;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.shared.Overloaded;
import io.hooklift.domain.shared.RateLimited;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Failed password checks are throttled per name and per address, tokens never are, the KDF is paid
 * the same for unknown names, and at most a few checks run at once.
 */
class LoginThrottleTest {

  private final TestApplication t = new TestApplication();
  private final AtomicLong now = new AtomicLong();
  private final PasswordHashing hashing = new PasswordHashing(1);
  private final LoginThrottle throttle =
      new LoginThrottle(LoginThrottle.Settings.DEFAULT, now::get);

  private AuthenticationService service(HashingBudget budget) {
    return new AuthenticationService(
        t.ports.unitOfWork(),
        t.ports.accounts(),
        t.ports.accessTokens(),
        hashing,
        new RecentAuthentications(),
        throttle,
        budget);
  }

  private final AuthenticationService auth = service(new HashingBudget(2, Duration.ofSeconds(1)));

  @Test
  void givenFiveWrongPasswords_theNameIsLockedWithADoublingDelay_andRightPasswordWaitsToo() {
    t.user("alice");
    for (int i = 0; i < 5; i++) {
      assertThat(auth.authenticate("alice", "wrong-" + i, "10.0.0." + i)).isEmpty();
    }
    assertThat(auth.authenticate("alice", "wrong-5", "10.0.0.5")).isEmpty(); // 6th: locks 1 s
    long before = hashing.derivations();
    assertThatThrownBy(() -> auth.authenticate("alice", "password-alice", "10.0.0.9"))
        .isInstanceOfSatisfying(
            RateLimited.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(1)));
    assertThat(hashing.derivations()).as("a locked name costs no hashing").isEqualTo(before);
    now.addAndGet(Duration.ofMillis(1001).toNanos());
    assertThat(auth.authenticate("alice", "wrong-6", "10.0.0.6")).isEmpty(); // locks 2 s
    assertThatThrownBy(() -> auth.authenticate("alice", "x", "10.0.0.7"))
        .isInstanceOfSatisfying(
            RateLimited.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(2)));
    now.addAndGet(Duration.ofMillis(2001).toNanos());
    assertThat(auth.authenticate("alice", "password-alice", "10.0.0.8")).isPresent();
    assertThat(auth.authenticate("alice", "wrong-again", "10.0.0.8"))
        .as("a success forgets the name's failures")
        .isEmpty();
  }

  @Test
  void givenLockedName_itsTokensStillWork() {
    Actor alice = t.user("alice");
    String token = t.app.tokens().create(alice, "alice", "ci").secret();
    for (int i = 0; i < 10; i++) {
      try {
        auth.authenticate("alice", "wrong-" + i, "192.0.2.1");
      } catch (RateLimited expected) {
        // locked after five
      }
    }
    assertThatThrownBy(() -> auth.authenticate("alice", "password-alice", "192.0.2.2"))
        .isInstanceOf(RateLimited.class);
    assertThat(auth.authenticate("alice", token, "192.0.2.1")).contains(alice);
  }

  @Test
  void givenManyNamesFromOneAddress_theAddressIsLockedAfterTwenty() {
    for (int i = 0; i < 20; i++) {
      assertThat(auth.authenticate("user" + i, "guess", "198.51.100.7")).isEmpty();
    }
    assertThat(auth.authenticate("user20", "guess", "198.51.100.7")).isEmpty(); // 21st locks
    assertThatThrownBy(() -> auth.authenticate("user21", "guess", "198.51.100.7"))
        .isInstanceOf(RateLimited.class);
    assertThat(auth.authenticate("user21", "guess", "198.51.100.8"))
        .as("another address is not affected")
        .isEmpty();
  }

  @Test
  void unknownName_costsExactlyOneDerivation_likeAKnownOne() {
    t.user("alice");
    long start = hashing.derivations();
    assertThat(auth.authenticate("alice", "wrong", "203.0.113.1")).isEmpty();
    long known = hashing.derivations() - start;
    assertThat(auth.authenticate("nobody", "wrong", "203.0.113.1")).isEmpty();
    long unknown = hashing.derivations() - start - known;
    t.organization("acme");
    assertThat(auth.authenticate("acme", "wrong", "203.0.113.1")).isEmpty();
    long organization = hashing.derivations() - start - known - unknown;
    assertThat(known).isEqualTo(1);
    assertThat(unknown).isEqualTo(1);
    assertThat(organization).isEqualTo(1);
  }

  @Test
  void givenNoFreePermit_aPasswordCheckWaitsThenIsOverloaded_butATokenIsNot() throws Exception {
    Actor alice = t.user("alice");
    String token = t.app.tokens().create(alice, "alice", "ci").secret();
    HashingBudget budget = new HashingBudget(1, Duration.ofMillis(200));
    AuthenticationService busy = service(budget);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder =
        new Thread(
            () ->
                budget.check(
                    () -> {
                      holding.countDown();
                      try {
                        release.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return false;
                    }));
    holder.start();
    holding.await();
    try {
      assertThatThrownBy(() -> busy.authenticate("alice", "password-alice", "203.0.113.5"))
          .isInstanceOfSatisfying(Overloaded.class, e -> assertThat(e.retryAfter()).isPositive());
      assertThat(busy.authenticate("alice", token, "203.0.113.5")).contains(alice);
    } finally {
      release.countDown();
      holder.join();
    }
    assertThat(busy.authenticate("alice", "password-alice", "203.0.113.5")).contains(alice);
  }

  @Test
  void afterACheck_theBudgetStaysQuiet_soChecksTakeAtMostItsShareOfACore() {
    t.user("alice");
    HashingBudget budget = new HashingBudget(1, Duration.ofMillis(20), 0.1);
    AuthenticationService quiet = service(budget);
    budget.check(
        () -> {
          try {
            Thread.sleep(50); // a check of 50 ms at a tenth of a core: 450 ms of quiet after it
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return false;
        });
    long before = hashing.derivations();
    assertThatThrownBy(() -> quiet.authenticate("alice", "password-alice", "203.0.113.9"))
        .isInstanceOf(Overloaded.class);
    assertThat(hashing.derivations()).isEqualTo(before);
  }

  @Test
  void givenSixteenCallersWaiting_theNextIsRefusedAtOnce_notAfterTheWait() throws Exception {
    HashingBudget budget = new HashingBudget(1, Duration.ofSeconds(30));
    CountDownLatch release = new CountDownLatch(1);
    java.util.List<Thread> holders = new java.util.ArrayList<>();
    for (int i = 0; i < 17; i++) { // one holds the permit, sixteen wait
      Thread th =
          new Thread(
              () -> {
                try {
                  budget.check(
                      () -> {
                        try {
                          release.await();
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        return false;
                      });
                } catch (Overloaded ignored) {
                  // not expected for these
                }
              });
      th.start();
      holders.add(th);
    }
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (budget.waiting() < 16 && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThat(budget.waiting()).isEqualTo(16);
    long start = System.nanoTime();
    try {
      assertThatThrownBy(() -> budget.check(() -> true)).isInstanceOf(Overloaded.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    } finally {
      release.countDown();
      for (Thread th : holders) {
        th.join();
      }
    }
  }
}
