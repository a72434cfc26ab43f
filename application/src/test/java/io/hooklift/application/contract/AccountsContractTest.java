package io.hooklift.application.contract;

import static io.hooklift.application.contract.ContractFixtures.T0;
import static io.hooklift.application.contract.ContractFixtures.admin;
import static io.hooklift.application.contract.ContractFixtures.organization;
import static io.hooklift.application.contract.ContractFixtures.team;
import static io.hooklift.application.contract.ContractFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.application.port.Accounts;
import io.hooklift.domain.account.AccessToken;
import io.hooklift.domain.account.Account;
import io.hooklift.domain.account.AccountType;
import io.hooklift.domain.account.Membership;
import io.hooklift.domain.account.Team;
import io.hooklift.domain.naming.NamespaceName;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link Accounts} promises, including the removals that go with an account. */
public abstract class AccountsContractTest extends PortContractTest {

  private <T> T tx(java.util.function.Supplier<T> work) {
    return unitOfWork().inTransaction(work);
  }

  @Test
  void givenSystemAdmin_byNameAndById_returnEveryFieldAndThePasswordHash() {
    Account root = admin("root");
    String hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$ünïcode";
    unitOfWork().run(() -> accounts().add(root, Optional.of(hash)));

    Account byName = tx(() -> accounts().byName(new NamespaceName("root"))).orElseThrow();
    assertThat(byName).isEqualTo(root);
    assertThat(byName.systemAdmin()).isTrue();
    assertThat(byName.createdAt()).isEqualTo(root.createdAt());
    assertThat(tx(() -> accounts().byId(root.id()))).contains(root);
    assertThat(tx(() -> accounts().passwordHash(root.id()))).contains(hash);
  }

  @Test
  void givenOrganization_byName_returnsItWithoutPasswordHash() {
    Account acme = organization("acme");
    unitOfWork().run(() -> accounts().add(acme, Optional.empty()));

    Account found = tx(() -> accounts().byName(new NamespaceName("acme"))).orElseThrow();
    assertThat(found).isEqualTo(acme);
    assertThat(found.type()).isEqualTo(AccountType.ORGANIZATION);
    assertThat(tx(() -> accounts().passwordHash(acme.id()))).isEmpty();
  }

  @Test
  void givenNoSuchAccount_lookups_returnEmpty() {
    unitOfWork().run(() -> accounts().add(user("alice"), Optional.of("h")));

    assertThat(tx(() -> accounts().byName(new NamespaceName("alic")))).isEmpty();
    assertThat(tx(() -> accounts().byId(UUID.randomUUID()))).isEmpty();
    assertThat(tx(() -> accounts().passwordHash(UUID.randomUUID()))).isEmpty();
  }

  @Test
  void givenTakenName_addOfAnOrganization_failsAndKeepsTheUser() {
    Account alice = user("alice");
    unitOfWork().run(() -> accounts().add(alice, Optional.of("h")));

    assertThatThrownBy(
            () -> unitOfWork().run(() -> accounts().add(organization("alice"), Optional.empty())))
        .isInstanceOf(RuntimeException.class);

    assertThat(tx(() -> accounts().byName(new NamespaceName("alice")))).contains(alice);
    assertThat(tx(() -> accounts().count())).isEqualTo(1);
  }

  @Test
  void givenUsersAndOrganizations_count_countsBoth() {
    assertThat(tx(() -> accounts().count())).isZero();
    unitOfWork()
        .run(
            () -> {
              accounts().add(user("alice"), Optional.of("h"));
              accounts().add(user("bob"), Optional.of("h"));
              accounts().add(organization("acme"), Optional.empty());
            });

    assertThat(tx(() -> accounts().count())).isEqualTo(3);
  }

  @Test
  void givenUserWithMembershipTeamAndToken_delete_removesThemWithTheUser() {
    Account org = organization("acme");
    Account alice = user("alice");
    Account bob = user("bob");
    Team devs = team(org, "devs");
    AccessToken token = new AccessToken(UUID.randomUUID(), alice.id(), "ci", T0);
    unitOfWork()
        .run(
            () -> {
              accounts().add(org, Optional.empty());
              accounts().add(alice, Optional.of("h"));
              accounts().add(bob, Optional.of("h"));
              organizations().putMembership(new Membership(org.id(), alice.id(), true));
              organizations().putMembership(new Membership(org.id(), bob.id(), false));
              organizations().addTeam(devs);
              organizations().addTeamMember(devs.id(), alice.id());
              organizations().addTeamMember(devs.id(), bob.id());
              accessTokens().add(token, "alice-token-hash");
            });

    // Read first, delete and read again in one transaction: nothing cached may survive the delete.
    unitOfWork()
        .run(
            () -> {
              assertThat(organizations().membership(org.id(), alice.id())).isPresent();
              accounts().delete(alice.id());
              assertThat(accounts().byId(alice.id())).isEmpty();
              assertThat(accounts().byName(alice.name())).isEmpty();
              assertThat(organizations().membership(org.id(), alice.id())).isEmpty();
              assertThat(organizations().isTeamMember(devs.id(), alice.id())).isFalse();
              assertThat(accessTokens().byId(token.id())).isEmpty();
              assertThat(accessTokens().bySecretHash("alice-token-hash")).isEmpty();
              // Everyone else is untouched.
              assertThat(accounts().byId(org.id())).contains(org);
              assertThat(organizations().membership(org.id(), bob.id()))
                  .contains(new Membership(org.id(), bob.id(), false));
              assertThat(organizations().team(org.id(), devs.name())).contains(devs);
              assertThat(organizations().isTeamMember(devs.id(), bob.id())).isTrue();
            });
  }

  @Test
  void givenDeletedAccount_itsName_canBeTakenAgain() {
    Account first = user("alice");
    unitOfWork().run(() -> accounts().add(first, Optional.of("h")));
    unitOfWork().run(() -> accounts().delete(first.id()));

    Account second = user("alice");
    unitOfWork().run(() -> accounts().add(second, Optional.empty()));

    assertThat(tx(() -> accounts().byName(new NamespaceName("alice")))).contains(second);
  }
}
