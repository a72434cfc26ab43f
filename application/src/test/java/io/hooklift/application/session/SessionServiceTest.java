package io.hooklift.application.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.application.TestApplication;
import io.hooklift.application.fake.InMemorySessions;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.shared.Unauthenticated;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionServiceTest {

  private final TestApplication t = new TestApplication();
  private final InMemorySessions sessions = new InMemorySessions();
  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final SessionService service =
      new SessionService(
          t.app.authentication(),
          t.ports.unitOfWork(),
          sessions,
          t.ports.accounts(),
          clock,
          new SessionSettings(Duration.ofMinutes(30), Duration.ofHours(12)));

  @Test
  void givenRightPassword_logIn_opensASessionThatResumesAsTheSameActor() {
    Actor alice = t.user("alice");

    OpenedSession opened = service.logIn("alice", "password-alice");

    assertThat(opened.actor()).isEqualTo(alice);
    ActiveSession resumed = service.resume(opened.token()).orElseThrow();
    assertThat(resumed.actor()).isEqualTo(alice);
    assertThat(resumed.csrfToken()).isEqualTo(opened.csrfToken()).isNotEqualTo(opened.token());
  }

  @Test
  void givenAnAccessToken_logIn_worksLikeAPassword() {
    Actor alice = t.user("alice");
    String token = t.app.tokens().create(alice, "alice", "console").secret();

    assertThat(service.logIn("alice", token).actor()).isEqualTo(alice);
  }

  @Test
  void givenWrongPassword_logIn_isUnauthenticatedAndStoresNothing() {
    t.user("alice");

    assertThatThrownBy(() -> service.logIn("alice", "wrong")).isInstanceOf(Unauthenticated.class);
    assertThatThrownBy(() -> service.logIn("nobody", "password-alice"))
        .isInstanceOf(Unauthenticated.class);
    assertThat(sessions.removeExpired(Instant.MAX, Instant.MAX)).isZero();
  }

  @Test
  void theDatabaseKeepsOnlyAHashOfTheToken() {
    t.user("alice");
    OpenedSession opened = service.logIn("alice", "password-alice");

    assertThat(sessions.byTokenHash(opened.token())).isEmpty();
    assertThat(sessions.byTokenHash(SessionTokens.storedHash(opened.token()))).isPresent();
  }

  @Test
  void tokensAre256RandomBitsAndNeverRepeat() {
    t.user("alice");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      String token = service.logIn("alice", "password-alice").token();
      assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
      assertThat(seen.add(token)).isTrue();
    }
  }

  @Test
  void givenIdleLongerThanTheTimeout_resume_findsNothing() {
    t.user("alice");
    String token = service.logIn("alice", "password-alice").token();

    clock.advance(Duration.ofMinutes(29));
    assertThat(service.resume(token)).isPresent();
    clock.advance(Duration.ofMinutes(29)); // active 29 minutes ago: still live
    assertThat(service.resume(token)).isPresent();
    clock.advance(Duration.ofMinutes(31));
    assertThat(service.resume(token)).isEmpty();
  }

  @Test
  void givenActivityThroughout_resume_endsAtTheMaximumLifetime() {
    t.user("alice");
    String token = service.logIn("alice", "password-alice").token();

    for (int i = 0; i < 47; i++) {
      clock.advance(Duration.ofMinutes(15));
      assertThat(service.resume(token)).as("after %d minutes", (i + 1) * 15).isPresent();
    }
    clock.advance(Duration.ofMinutes(15));
    assertThat(service.resume(token)).isEmpty();
  }

  @Test
  void logOut_endsTheSession() {
    t.user("alice");
    String token = service.logIn("alice", "password-alice").token();

    service.logOut(token);

    assertThat(service.resume(token)).isEmpty();
  }

  @Test
  void givenTheAccountWasDeleted_resume_findsNothing() {
    t.user("alice");
    String token = service.logIn("alice", "password-alice").token();

    t.app.accounts().delete(t.admin, "alice");

    assertThat(service.resume(token)).isEmpty();
  }

  @Test
  void givenMalformedTokens_resumeAndLogOut_ignoreThem() {
    assertThat(service.resume(null)).isEmpty();
    assertThat(service.resume("")).isEmpty();
    assertThat(service.resume("é".repeat(43))).isEmpty();
    service.logOut("not a token");
  }

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
