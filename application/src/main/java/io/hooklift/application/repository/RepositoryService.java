package io.hooklift.application.repository;

import io.hooklift.application.access.AccessResolver;
import io.hooklift.application.delivery.EventPublisher;
import io.hooklift.application.port.CodeRepositories;
import io.hooklift.application.port.IdGenerator;
import io.hooklift.application.port.Organizations;
import io.hooklift.application.port.Page;
import io.hooklift.application.port.PageRequest;
import io.hooklift.application.port.UnitOfWork;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.access.Standing;
import io.hooklift.domain.account.AccessLevel;
import io.hooklift.domain.account.Account;
import io.hooklift.domain.account.Team;
import io.hooklift.domain.event.Event;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.event.RepositoryEventContents;
import io.hooklift.domain.naming.NamespaceName;
import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.repository.CodeRepository;
import io.hooklift.domain.repository.RepositorySettings;
import io.hooklift.domain.shared.Conflict;
import io.hooklift.domain.shared.InvalidInput;
import io.hooklift.domain.shared.NotFound;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Repositories and team grants; every change stores its REPO_* event in the same transaction. */
public final class RepositoryService implements RepositoryUseCases {

  private final UnitOfWork tx;
  private final IdGenerator ids;
  private final CodeRepositories repositories;
  private final Organizations organizations;
  private final EventPublisher publisher;
  private final Clock clock;
  private final AccessResolver access;

  public RepositoryService(
      UnitOfWork tx,
      IdGenerator ids,
      CodeRepositories repositories,
      Organizations organizations,
      AccessResolver access,
      EventPublisher publisher,
      Clock clock) {
    this.tx = tx;
    this.ids = ids;
    this.repositories = repositories;
    this.organizations = organizations;
    this.access = access;
    this.publisher = publisher;
    this.clock = clock;
  }

  @Override
  public CodeRepository create(
      Actor actor, String namespace, String name, RepositorySettings settings) {
    RepositoryPath path = RepositoryPath.of(namespace, name);
    return tx.inTransaction(
        () -> {
          Account owner = access.requireAccount(path.namespace());
          access
              .namespace(actor, owner)
              .requireAdmin(
                  () -> AccessResolver.noSuchAccount(namespace),
                  "only owners of namespace '" + namespace + "' may create repositories in it");
          if (repositories.byPath(path).isPresent()) {
            throw new Conflict("REPOSITORY_EXISTS", "repository '" + path + "' already exists");
          }
          CodeRepository created = CodeRepository.create(ids.uuid(), path, owner.type(), settings);
          repositories.add(created);
          record(actor, EventType.REPO_CREATED, created);
          return created;
        });
  }

  @Override
  public Page<CodeRepository> list(Actor actor, Optional<String> namespace, PageRequest page) {
    Optional<NamespaceName> parsed = namespace.map(NamespaceName::new);
    return tx.inTransaction(
        () -> {
          parsed.ifPresent(access::requireAccount);
          List<CodeRepository> visible =
              repositories.list(parsed).stream()
                  .filter(r -> access.repository(actor, r) != Standing.INVISIBLE)
                  .toList();
          return Paging.slice(visible, r -> r.path().toString(), page);
        });
  }

  @Override
  public CodeRepository get(Actor actor, String namespace, String name) {
    RepositoryPath path = RepositoryPath.of(namespace, name);
    return tx.inTransaction(() -> access.requireVisibleRepository(actor, path));
  }

  @Override
  public CodeRepository update(Actor actor, String namespace, String name, SettingsChange change) {
    RepositoryPath path = RepositoryPath.of(namespace, name);
    return tx.inTransaction(
        () -> {
          CodeRepository current = requireAdmin(actor, path);
          CodeRepository changed = current.withSettings(change.apply(current.settings()));
          repositories.update(changed);
          record(actor, EventType.REPO_UPDATED, changed);
          return changed;
        });
  }

  @Override
  public void delete(Actor actor, String namespace, String name) {
    RepositoryPath path = RepositoryPath.of(namespace, name);
    tx.run(
        () -> {
          CodeRepository current = requireAdmin(actor, path);
          repositories.delete(current.id());
          record(actor, EventType.REPO_DELETED, current);
        });
  }

  @Override
  public void putTeamAccess(
      Actor actor, String namespace, String name, String team, AccessLevel level) {
    RepositoryPath path = RepositoryPath.of(namespace, name);
    tx.run(
        () -> {
          GrantTarget target = requireGrantTarget(actor, path, team);
          repositories.putTeamAccess(target.team().id(), target.repository().id(), level);
        });
  }

  @Override
  public void removeTeamAccess(Actor actor, String namespace, String name, String team) {
    RepositoryPath path = RepositoryPath.of(namespace, name);
    tx.run(
        () -> {
          GrantTarget target = requireGrantTarget(actor, path, team);
          if (repositories.teamAccess(target.team().id(), target.repository().id()).isEmpty()) {
            throw new NotFound(
                "NO_SUCH_TEAM_ACCESS", "team '" + team + "' has no access to '" + path + "'");
          }
          repositories.removeTeamAccess(target.team().id(), target.repository().id());
        });
  }

  private CodeRepository requireAdmin(Actor actor, RepositoryPath path) {
    CodeRepository repository = access.requireVisibleRepository(actor, path);
    access
        .repository(actor, repository)
        .requireAdmin(
            () -> AccessResolver.noSuchRepository(path),
            "only admins of '" + path + "' may change or delete it");
    return repository;
  }

  /** Team grants are managed by the owners of the repository's organization. */
  private GrantTarget requireGrantTarget(Actor actor, RepositoryPath path, String teamName) {
    CodeRepository repository = access.requireVisibleRepository(actor, path);
    Account org = access.requireAccount(path.namespace());
    if (!org.isOrganization()) {
      throw new InvalidInput(
          "NOT_AN_ORGANIZATION", "team access applies to repositories of organizations only");
    }
    access
        .namespace(actor, org)
        .requireAdmin(
            () -> AccessResolver.noSuchRepository(path),
            "only owners of '" + org.name() + "' may grant teams access to its repositories");
    NamespaceName parsedTeam = new NamespaceName(teamName);
    Team team =
        organizations
            .team(org.id(), parsedTeam)
            .orElseThrow(
                () ->
                    new NotFound(
                        "NO_SUCH_TEAM",
                        "organization '" + org.name() + "' has no team '" + teamName + "'"));
    return new GrantTarget(repository, team);
  }

  /** Stores the REPO_* event and its deliveries; the publisher hands them over after commit. */
  private void record(Actor actor, EventType type, CodeRepository repository) {
    RepositoryPath path = repository.path();
    publisher.publish(
        new Event(
            ids.uuid(),
            type,
            Optional.of(path),
            clock.instant(),
            new RepositoryEventContents(type, actor.name().value(), repository),
            path.location()));
  }

  private record GrantTarget(CodeRepository repository, Team team) {}
}
