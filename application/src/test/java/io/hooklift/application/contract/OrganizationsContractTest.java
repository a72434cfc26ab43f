package io.hooklift.application.contract;

import static io.hooklift.application.contract.ContractFixtures.organization;
import static io.hooklift.application.contract.ContractFixtures.repository;
import static io.hooklift.application.contract.ContractFixtures.team;
import static io.hooklift.application.contract.ContractFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.application.port.Organizations;
import io.hooklift.domain.account.AccessLevel;
import io.hooklift.domain.account.Account;
import io.hooklift.domain.account.Membership;
import io.hooklift.domain.account.Team;
import io.hooklift.domain.naming.NamespaceName;
import io.hooklift.domain.repository.CodeRepository;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Organizations} promises about memberships, teams and their removal. */
public abstract class OrganizationsContractTest extends PortContractTest {

  private final Account acme = organization("acme");
  private final Account globex = organization("globex");
  private final Account alice = user("alice");
  private final Account bob = user("bob");

  @BeforeEach
  void addAccounts() {
    unitOfWork()
        .run(
            () -> {
              for (Account account : new Account[] {acme, globex, alice, bob}) {
                accounts().add(account, Optional.empty());
              }
            });
  }

  private <T> T tx(java.util.function.Supplier<T> work) {
    return unitOfWork().inTransaction(work);
  }

  @Test
  void givenMembership_membership_returnsItAndNothingForOthers() {
    unitOfWork()
        .run(() -> organizations().putMembership(new Membership(acme.id(), alice.id(), true)));

    assertThat(tx(() -> organizations().membership(acme.id(), alice.id())))
        .contains(new Membership(acme.id(), alice.id(), true));
    assertThat(tx(() -> organizations().membership(acme.id(), bob.id()))).isEmpty();
    assertThat(tx(() -> organizations().membership(globex.id(), alice.id()))).isEmpty();
  }

  @Test
  void givenOwner_putMembershipAsMember_replacesTheOwnerFlag() {
    unitOfWork()
        .run(() -> organizations().putMembership(new Membership(acme.id(), alice.id(), true)));

    unitOfWork()
        .run(() -> organizations().putMembership(new Membership(acme.id(), alice.id(), false)));

    assertThat(tx(() -> organizations().membership(acme.id(), alice.id())))
        .contains(new Membership(acme.id(), alice.id(), false));
  }

  @Test
  void
      givenTeamsInTwoOrganizations_removeMembership_removesTeamMembershipsOfThatOrganizationOnly() {
    Team acmeDevs = team(acme, "devs");
    Team globexDevs = team(globex, "devs");
    unitOfWork()
        .run(
            () -> {
              organizations().putMembership(new Membership(acme.id(), alice.id(), false));
              organizations().putMembership(new Membership(globex.id(), alice.id(), false));
              organizations().putMembership(new Membership(acme.id(), bob.id(), false));
              organizations().addTeam(acmeDevs);
              organizations().addTeam(globexDevs);
              organizations().addTeamMember(acmeDevs.id(), alice.id());
              organizations().addTeamMember(globexDevs.id(), alice.id());
              organizations().addTeamMember(acmeDevs.id(), bob.id());
            });

    unitOfWork()
        .run(
            () -> {
              assertThat(organizations().isTeamMember(acmeDevs.id(), alice.id()))
                  .isTrue(); // loaded, then removed
              organizations().removeMembership(acme.id(), alice.id());
              assertThat(organizations().membership(acme.id(), alice.id())).isEmpty();
              assertThat(organizations().isTeamMember(acmeDevs.id(), alice.id())).isFalse();
            });

    unitOfWork()
        .run(
            () -> {
              assertThat(organizations().membership(acme.id(), alice.id())).isEmpty();
              assertThat(organizations().isTeamMember(acmeDevs.id(), alice.id())).isFalse();
              assertThat(organizations().membership(globex.id(), alice.id())).isPresent();
              assertThat(organizations().isTeamMember(globexDevs.id(), alice.id())).isTrue();
              assertThat(organizations().isTeamMember(acmeDevs.id(), bob.id())).isTrue();
            });
  }

  @Test
  void givenTeam_teamByOrganizationAndName_returnsItAndSameNameElsewhereIsAnotherTeam() {
    Team acmeDevs = team(acme, "devs");
    Team globexDevs = team(globex, "devs");
    unitOfWork()
        .run(
            () -> {
              organizations().addTeam(acmeDevs);
              organizations().addTeam(globexDevs);
            });

    assertThat(tx(() -> organizations().team(acme.id(), new NamespaceName("devs"))))
        .contains(acmeDevs);
    assertThat(tx(() -> organizations().team(globex.id(), new NamespaceName("devs"))))
        .contains(globexDevs);
    assertThat(tx(() -> organizations().team(acme.id(), new NamespaceName("ops")))).isEmpty();
  }

  @Test
  void givenTakenTeamName_addTeam_failsAndKeepsTheFirst() {
    Team first = team(acme, "devs");
    unitOfWork().run(() -> organizations().addTeam(first));

    assertThatThrownBy(() -> unitOfWork().run(() -> organizations().addTeam(team(acme, "devs"))))
        .isInstanceOf(RuntimeException.class);

    assertThat(tx(() -> organizations().team(acme.id(), new NamespaceName("devs"))))
        .contains(first);
  }

  @Test
  void givenTeamMembers_addAndRemove_changeIsTeamMember() {
    Team devs = team(acme, "devs");
    unitOfWork()
        .run(
            () -> {
              organizations().addTeam(devs);
              organizations().addTeamMember(devs.id(), alice.id());
              organizations().addTeamMember(devs.id(), bob.id());
            });

    unitOfWork().run(() -> organizations().removeTeamMember(devs.id(), bob.id()));

    assertThat(tx(() -> organizations().isTeamMember(devs.id(), alice.id()))).isTrue();
    assertThat(tx(() -> organizations().isTeamMember(devs.id(), bob.id()))).isFalse();
  }

  @Test
  void givenTeamWithMembersAndGrants_deleteTeam_removesThemAll() {
    Team devs = team(acme, "devs");
    Team ops = team(acme, "ops");
    CodeRepository app = repository("acme", "app");
    unitOfWork()
        .run(
            () -> {
              codeRepositories().add(app);
              organizations().addTeam(devs);
              organizations().addTeam(ops);
              organizations().addTeamMember(devs.id(), alice.id());
              organizations().addTeamMember(ops.id(), alice.id());
              codeRepositories().putTeamAccess(devs.id(), app.id(), AccessLevel.ADMIN);
              codeRepositories().putTeamAccess(ops.id(), app.id(), AccessLevel.READ_ONLY);
            });

    unitOfWork().run(() -> organizations().deleteTeam(devs.id()));

    unitOfWork()
        .run(
            () -> {
              assertThat(organizations().team(acme.id(), new NamespaceName("devs"))).isEmpty();
              assertThat(organizations().isTeamMember(devs.id(), alice.id())).isFalse();
              assertThat(codeRepositories().teamAccess(devs.id(), app.id())).isEmpty();
              assertThat(codeRepositories().bestTeamAccess(alice.id(), app.id()))
                  .contains(AccessLevel.READ_ONLY);
              assertThat(organizations().team(acme.id(), new NamespaceName("ops"))).contains(ops);
            });
  }
}
