package io.hooklift.application.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.application.TestApplication;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.naming.NamespaceName;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentAuthenticationsTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final RecentAuthentications recent = new RecentAuthentications(now::get, 5_000);
  private final Actor alice = new Actor(UUID.randomUUID(), new NamespaceName("alice"), false);

  @Test
  void givenRememberedSuccess_find_returnsItOnlyForTheSameCredentialsAndOnlyUntilItExpires() {
    recent.remember("alice", "secret", alice, recent.generation());
    assertThat(recent.find("alice", "secret")).contains(alice);
    assertThat(recent.find("alice", "other")).isEmpty();
    assertThat(recent.find("alicesecret", "")).isEmpty();
    now.addAndGet(4_999);
    assertThat(recent.find("alice", "secret")).contains(alice);
    now.addAndGet(1);
    assertThat(recent.find("alice", "secret")).isEmpty();
  }

  @Test
  void givenInvalidationDuringTheLookup_remember_keepsNothing() {
    long seen = recent.generation();
    recent.forgetAll(); // a token was deleted while the lookup ran
    recent.remember("alice", "secret", alice, seen);
    assertThat(recent.find("alice", "secret")).isEmpty();
  }

  @Test
  void givenTokenDeletedOrAccountDeletedOnThisInstance_authenticate_refusesAtOnce() {
    TestApplication t = new TestApplication();
    Actor bob = t.user("bob");
    TokenUseCases.IssuedToken issued = t.app.tokens().create(bob, "bob", "ci");
    assertThat(t.app.authentication().authenticate("bob", issued.secret())).contains(bob);
    t.app.tokens().delete(bob, "bob", issued.token().id().toString());
    assertThat(t.app.authentication().authenticate("bob", issued.secret())).isEmpty();

    assertThat(t.app.authentication().authenticate("bob", "password-bob")).contains(bob);
    t.app.accounts().delete(t.admin, "bob");
    assertThat(t.app.authentication().authenticate("bob", "password-bob")).isEmpty();
  }
}
