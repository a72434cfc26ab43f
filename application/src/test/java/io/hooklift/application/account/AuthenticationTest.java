package io.hooklift.application.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.application.TestApplication;
import io.hooklift.domain.access.Actor;
import org.junit.jupiter.api.Test;

class AuthenticationTest {

  private final TestApplication t = new TestApplication();

  @Test
  void givenPasswordOrOwnToken_authenticate_yieldsTheUser() {
    Actor alice = t.user("alice");
    String token = t.app.tokens().create(alice, "alice", "ci").secret();
    assertThat(t.app.authentication().authenticate("alice", "password-alice")).contains(alice);
    assertThat(t.app.authentication().authenticate("alice", token)).contains(alice);
    assertThat(token).startsWith("hl_").hasSizeGreaterThan(40);
  }

  @Test
  void givenWrongSecretOrSomeoneElsesToken_authenticate_yieldsNobody() {
    t.user("alice");
    Actor bob = t.user("bob");
    String bobsToken = t.app.tokens().create(bob, "bob", "ci").secret();
    assertThat(t.app.authentication().authenticate("alice", bobsToken)).isEmpty();
    assertThat(t.app.authentication().authenticate("alice", "password-bob")).isEmpty();
    assertThat(t.app.authentication().authenticate("nobody", "password-alice")).isEmpty();
    assertThat(t.app.authentication().authenticate("Alice", "password-alice")).isEmpty();
    assertThat(t.app.authentication().authenticate("alice", "")).isEmpty();
    assertThat(t.app.authentication().authenticate(null, null)).isEmpty();
  }

  @Test
  void givenDeletedToken_authenticate_refusesIt() {
    Actor alice = t.user("alice");
    TokenUseCases.IssuedToken issued = t.app.tokens().create(alice, "alice", "ci");
    t.app.tokens().delete(alice, "alice", issued.token().id().toString());
    assertThat(t.app.authentication().authenticate("alice", issued.secret())).isEmpty();
    assertThat(t.app.tokens().list(alice, "alice")).isEmpty();
  }

  @Test
  void givenOrganization_authenticate_neverSucceeds() {
    t.organization("acme");
    assertThat(t.app.authentication().authenticate("acme", "anything-at-all")).isEmpty();
  }

  @Test
  void ensureInitialAdmin_runsOnlyOnAnEmptyInstallation() {
    assertThat(t.firstStart.ensureInitialAdmin("another-password")).isFalse();
    assertThat(t.app.authentication().authenticate("admin", "admin-password")).isPresent();
    assertThat(t.app.authentication().authenticate("admin", "another-password")).isEmpty();
  }

  @Test
  void passwordHashing_isSaltedAndSelfDescribing() {
    PasswordHashing hashing = new PasswordHashing(1000);
    String a = hashing.hash("secret-password");
    assertThat(a).startsWith("pbkdf2-sha256$1000$").isNotEqualTo(hashing.hash("secret-password"));
    assertThat(hashing.matches("secret-password", a)).isTrue();
    assertThat(new PasswordHashing(5).matches("secret-password", a)).isTrue();
    assertThat(hashing.matches("Secret-password", a)).isFalse();
    assertThat(hashing.matches("secret-password", "garbage$x")).isFalse();
  }
}
