package io.hooklift.application.contract;

import static io.hooklift.application.contract.ContractFixtures.at;
import static io.hooklift.application.contract.ContractFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.application.port.AccessTokens;
import io.hooklift.domain.account.AccessToken;
import io.hooklift.domain.account.Account;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AccessTokens} promises: lookup by secret hash, the user's tokens oldest first.
 */
public abstract class AccessTokensContractTest extends PortContractTest {

  private final Account alice = user("alice");
  private final Account bob = user("bob");

  @BeforeEach
  void addUsers() {
    unitOfWork()
        .run(
            () -> {
              accounts().add(alice, Optional.of("h"));
              accounts().add(bob, Optional.of("h"));
            });
  }

  private <T> T tx(java.util.function.Supplier<T> work) {
    return unitOfWork().inTransaction(work);
  }

  @Test
  void givenToken_bySecretHashAndById_returnEveryField() {
    AccessToken token =
        new AccessToken(UUID.randomUUID(), alice.id(), "CI 🚀 déploiement", at(999_999));
    unitOfWork()
        .run(
            () ->
                accessTokens()
                    .add(
                        token, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));

    assertThat(
            tx(
                () ->
                    accessTokens()
                        .bySecretHash(
                            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")))
        .contains(token);
    AccessToken byId = tx(() -> accessTokens().byId(token.id())).orElseThrow();
    assertThat(byId).isEqualTo(token);
    assertThat(byId.createdAt()).isEqualTo(at(999_999));
    assertThat(byId.label()).isEqualTo("CI 🚀 déploiement");
  }

  @Test
  void givenEmptyLabel_roundTrip_keepsItEmpty() {
    AccessToken token = new AccessToken(UUID.randomUUID(), alice.id(), "", at(1));
    unitOfWork().run(() -> accessTokens().add(token, "hash-empty-label"));

    assertThat(tx(() -> accessTokens().byId(token.id()))).contains(token);
  }

  @Test
  void givenUnknownHashOrId_lookups_returnEmpty() {
    unitOfWork()
        .run(
            () ->
                accessTokens()
                    .add(new AccessToken(UUID.randomUUID(), alice.id(), "x", at(1)), "known"));

    assertThat(tx(() -> accessTokens().bySecretHash("KNOWN"))).isEmpty();
    assertThat(tx(() -> accessTokens().byId(UUID.randomUUID()))).isEmpty();
  }

  @Test
  void givenTokensOfTwoUsers_ofUser_returnsOnlyTheUsersOldestFirst() {
    AccessToken newest = new AccessToken(UUID.randomUUID(), alice.id(), "newest", at(3));
    AccessToken oldest = new AccessToken(UUID.randomUUID(), alice.id(), "oldest", at(1));
    AccessToken middle = new AccessToken(UUID.randomUUID(), alice.id(), "middle", at(2));
    AccessToken bobs = new AccessToken(UUID.randomUUID(), bob.id(), "bob's", at(0));
    unitOfWork()
        .run(
            () -> {
              accessTokens().add(newest, "h-newest");
              accessTokens().add(oldest, "h-oldest");
              accessTokens().add(bobs, "h-bob");
              accessTokens().add(middle, "h-middle");
            });

    assertThat(tx(() -> accessTokens().ofUser(alice.id()))).containsExactly(oldest, middle, newest);
    assertThat(tx(() -> accessTokens().ofUser(bob.id()))).containsExactly(bobs);
    assertThat(tx(() -> accessTokens().ofUser(UUID.randomUUID()))).isEmpty();
  }

  @Test
  void givenTakenSecretHash_add_failsAndKeepsTheFirst() {
    AccessToken first = new AccessToken(UUID.randomUUID(), alice.id(), "first", at(1));
    unitOfWork().run(() -> accessTokens().add(first, "same-hash"));

    assertThatThrownBy(
            () ->
                unitOfWork()
                    .run(
                        () ->
                            accessTokens()
                                .add(
                                    new AccessToken(UUID.randomUUID(), bob.id(), "second", at(2)),
                                    "same-hash")))
        .isInstanceOf(RuntimeException.class);

    assertThat(tx(() -> accessTokens().bySecretHash("same-hash"))).contains(first);
  }

  @Test
  void givenToken_delete_removesItAndOnlyIt() {
    AccessToken gone = new AccessToken(UUID.randomUUID(), alice.id(), "gone", at(1));
    AccessToken kept = new AccessToken(UUID.randomUUID(), alice.id(), "kept", at(2));
    unitOfWork()
        .run(
            () -> {
              accessTokens().add(gone, "h-gone");
              accessTokens().add(kept, "h-kept");
            });

    unitOfWork().run(() -> accessTokens().delete(gone.id()));

    assertThat(tx(() -> accessTokens().byId(gone.id()))).isEmpty();
    assertThat(tx(() -> accessTokens().bySecretHash("h-gone"))).isEmpty();
    assertThat(tx(() -> accessTokens().ofUser(alice.id()))).containsExactly(kept);
  }
}
