package io.hooklift.application.contract;

import static io.hooklift.application.contract.ContractFixtures.organization;
import static io.hooklift.application.contract.ContractFixtures.repository;
import static io.hooklift.application.contract.ContractFixtures.team;
import static io.hooklift.application.contract.ContractFixtures.unusualSettings;
import static io.hooklift.application.contract.ContractFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.application.port.CodeRepositories;
import io.hooklift.domain.account.AccessLevel;
import io.hooklift.domain.account.Account;
import io.hooklift.domain.account.AccountType;
import io.hooklift.domain.account.Team;
import io.hooklift.domain.naming.NamespaceName;
import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.repository.CodeRepository;
import io.hooklift.domain.repository.RepositorySettings;
import io.hooklift.domain.repository.Visibility;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CodeRepositories} promises: paths, ordering, team grants and their removal. */
public abstract class CodeRepositoriesContractTest extends PortContractTest {

  private final Account acme = organization("acme");
  private final Account alice = user("alice");
  private final Team readers = team(acme, "readers");
  private final Team writers = team(acme, "writers");
  private final Team admins = team(acme, "admins");

  @BeforeEach
  void addOrganizationWithTeams() {
    unitOfWork()
        .run(
            () -> {
              accounts().add(acme, Optional.empty());
              accounts().add(alice, Optional.of("h"));
              organizations().addTeam(readers);
              organizations().addTeam(writers);
              organizations().addTeam(admins);
            });
  }

  private <T> T tx(java.util.function.Supplier<T> work) {
    return unitOfWork().inTransaction(work);
  }

  private void add(CodeRepository... repositories) {
    unitOfWork()
        .run(
            () -> {
              for (CodeRepository repository : repositories) {
                codeRepositories().add(repository);
              }
            });
  }

  @Test
  void givenRepositoryWithUnusualSettings_byPath_returnsEveryField() {
    CodeRepository repository =
        new CodeRepository(
            UUID.randomUUID(),
            RepositoryPath.of("acme", "app"),
            AccountType.ORGANIZATION,
            unusualSettings(),
            12_345_678_901L,
            3);
    add(repository);

    CodeRepository found =
        tx(() -> codeRepositories().byPath(RepositoryPath.of("acme", "app"))).orElseThrow();

    assertThat(found).isEqualTo(repository);
    assertThat(found.settings().longDescription()).hasSize(RepositorySettings.MAX_LONG_DESCRIPTION);
    assertThat(tx(() -> codeRepositories().byPath(RepositoryPath.of("acme", "ap")))).isEmpty();
    assertThat(tx(() -> codeRepositories().byPath(RepositoryPath.of("alice", "app")))).isEmpty();
  }

  @Test
  void givenRepository_update_changesSettingsAndCounters() {
    CodeRepository original = repository("acme", "app");
    add(original);
    CodeRepository changed =
        new CodeRepository(
            original.id(), original.path(), original.namespaceType(), unusualSettings(), 5, 6);

    unitOfWork().run(() -> codeRepositories().update(changed));

    assertThat(tx(() -> codeRepositories().byPath(original.path()))).contains(changed);
  }

  @Test
  void givenTakenPath_add_failsAndKeepsTheFirst() {
    CodeRepository first = repository("acme", "app");
    add(first);

    assertThatThrownBy(() -> add(repository("acme", "app"))).isInstanceOf(RuntimeException.class);

    assertThat(tx(() -> codeRepositories().byPath(first.path()))).contains(first);
  }

  @Test
  void givenRepositoriesInSeveralNamespaces_listAll_ordersByNamespaceThenName() {
    // Punctuation sorts before letters by code point; a path-string sort or a locale collation
    // would
    // put "acme-x/a" after "acme/z" or ignore the '-' and '.' altogether.
    CodeRepository a = repository("acme", "z");
    CodeRepository b = repository("acme", "a.b");
    CodeRepository c = repository("acme", "a-b");
    CodeRepository d = repository("acme", "ab");
    CodeRepository e = repository("acme-x", "a");
    CodeRepository f = repository("acme.x", "a");
    CodeRepository g = repository("alice", "0");
    add(g, a, f, d, b, e, c);

    assertThat(tx(() -> codeRepositories().list(Optional.empty())))
        .containsExactly(c, b, d, a, e, f, g);
    assertThat(tx(() -> codeRepositories().list(Optional.of(new NamespaceName("acme")))))
        .containsExactly(c, b, d, a);
    assertThat(tx(() -> codeRepositories().list(Optional.of(new NamespaceName("nobody")))))
        .isEmpty();
  }

  @Test
  void givenRepositoryInOneNamespace_anyIn_isTrueThereOnly() {
    add(repository("acme-x", "app"));

    assertThat(tx(() -> codeRepositories().anyIn(new NamespaceName("acme-x")))).isTrue();
    assertThat(tx(() -> codeRepositories().anyIn(new NamespaceName("acme")))).isFalse();
  }

  @Test
  void givenGrant_putTeamAccessAgain_replacesTheLevel() {
    CodeRepository app = repository("acme", "app");
    add(app);
    unitOfWork()
        .run(() -> codeRepositories().putTeamAccess(readers.id(), app.id(), AccessLevel.ADMIN));

    unitOfWork()
        .run(() -> codeRepositories().putTeamAccess(readers.id(), app.id(), AccessLevel.READ_ONLY));

    assertThat(tx(() -> codeRepositories().teamAccess(readers.id(), app.id())))
        .contains(AccessLevel.READ_ONLY);
    assertThat(tx(() -> codeRepositories().teamAccess(writers.id(), app.id()))).isEmpty();
  }

  @Test
  void givenGrant_removeTeamAccess_removesIt() {
    CodeRepository app = repository("acme", "app");
    add(app);
    unitOfWork()
        .run(
            () -> codeRepositories().putTeamAccess(writers.id(), app.id(), AccessLevel.READ_WRITE));

    unitOfWork().run(() -> codeRepositories().removeTeamAccess(writers.id(), app.id()));

    assertThat(tx(() -> codeRepositories().teamAccess(writers.id(), app.id()))).isEmpty();
  }

  @Test
  void givenTwoTeams_bestTeamAccess_returnsHighestLevel() {
    CodeRepository app = repository("acme", "app");
    CodeRepository other = repository("acme", "other");
    add(app, other);
    unitOfWork()
        .run(
            () -> {
              organizations().addTeamMember(readers.id(), alice.id());
              organizations().addTeamMember(writers.id(), alice.id());
              codeRepositories().putTeamAccess(readers.id(), app.id(), AccessLevel.READ_ONLY);
              codeRepositories().putTeamAccess(writers.id(), app.id(), AccessLevel.READ_WRITE);
              // Admin on another repository, and admin through a team alice is not in: neither
              // counts.
              codeRepositories().putTeamAccess(readers.id(), other.id(), AccessLevel.ADMIN);
              codeRepositories().putTeamAccess(admins.id(), app.id(), AccessLevel.ADMIN);
            });

    assertThat(tx(() -> codeRepositories().bestTeamAccess(alice.id(), app.id())))
        .contains(AccessLevel.READ_WRITE);
    assertThat(tx(() -> codeRepositories().bestTeamAccess(alice.id(), other.id())))
        .contains(AccessLevel.ADMIN);
  }

  @Test
  void givenNoTeamWithAGrant_bestTeamAccess_isEmpty() {
    CodeRepository app = repository("acme", "app");
    add(app);
    unitOfWork()
        .run(
            () -> {
              organizations().addTeamMember(readers.id(), alice.id());
              codeRepositories().putTeamAccess(writers.id(), app.id(), AccessLevel.ADMIN);
            });

    assertThat(tx(() -> codeRepositories().bestTeamAccess(alice.id(), app.id()))).isEmpty();
  }

  @Test
  void givenRepositoryWithGrants_delete_removesItAndItsGrants() {
    CodeRepository app = repository("acme", "app");
    CodeRepository kept = repository("acme", "kept");
    add(app, kept);
    unitOfWork()
        .run(
            () -> {
              organizations().addTeamMember(admins.id(), alice.id());
              codeRepositories().putTeamAccess(admins.id(), app.id(), AccessLevel.ADMIN);
              codeRepositories().putTeamAccess(admins.id(), kept.id(), AccessLevel.READ_ONLY);
            });

    unitOfWork()
        .run(
            () -> {
              assertThat(codeRepositories().teamAccess(admins.id(), app.id()))
                  .isPresent(); // loaded, then removed
              codeRepositories().delete(app.id());
              assertThat(codeRepositories().teamAccess(admins.id(), app.id())).isEmpty();
            });

    assertThat(tx(() -> codeRepositories().byPath(app.path()))).isEmpty();
    assertThat(tx(() -> codeRepositories().teamAccess(admins.id(), app.id()))).isEmpty();
    assertThat(tx(() -> codeRepositories().bestTeamAccess(alice.id(), app.id()))).isEmpty();
    assertThat(tx(() -> codeRepositories().teamAccess(admins.id(), kept.id())))
        .contains(AccessLevel.READ_ONLY);
    assertThat(tx(() -> codeRepositories().list(Optional.empty()))).containsExactly(kept);
  }

  @Test
  void givenPrivateRepository_isPublic_survivesTheRoundTrip() {
    CodeRepository app =
        repository("acme", "app")
            .withSettings(
                new RepositorySettings("", "", Visibility.PRIVATE, false, false, false, 0));
    add(app);

    assertThat(tx(() -> codeRepositories().byPath(app.path())).orElseThrow().isPublic()).isFalse();
  }
}
