package io.hooklift.application.access;

import io.hooklift.application.port.Accounts;
import io.hooklift.application.port.CodeRepositories;
import io.hooklift.application.port.Organizations;
import io.hooklift.domain.access.AccessRules;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.access.NamespaceRelation;
import io.hooklift.domain.access.Standing;
import io.hooklift.domain.account.Account;
import io.hooklift.domain.naming.NamespaceName;
import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.repository.CodeRepository;
import io.hooklift.domain.shared.NotFound;
import java.util.Optional;

/**
 * Resolves where an actor stands towards namespaces, repositories and subscription keys. Must be
 * called inside a unit of work; the decisions themselves are the domain's {@link AccessRules}.
 */
public final class AccessResolver {

  private final Accounts accounts;
  private final Organizations organizations;
  private final CodeRepositories repositories;

  public AccessResolver(
      Accounts accounts, Organizations organizations, CodeRepositories repositories) {
    this.accounts = accounts;
    this.organizations = organizations;
    this.repositories = repositories;
  }

  public NamespaceRelation relation(Actor actor, Account namespace) {
    if (namespace.isUser()) {
      return new NamespaceRelation(namespace.id().equals(actor.accountId()), false, false);
    }
    return organizations
        .membership(namespace.id(), actor.accountId())
        .map(m -> new NamespaceRelation(false, m.owner(), true))
        .orElse(NamespaceRelation.STRANGER);
  }

  public Standing namespace(Actor actor, Account namespace) {
    return AccessRules.namespaceStanding(actor, relation(actor, namespace));
  }

  public Standing repository(Actor actor, CodeRepository repository) {
    Account namespace =
        accounts
            .byName(repository.path().namespace())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "repository without namespace: " + repository.path()));
    return AccessRules.repositoryStanding(
        actor,
        repository,
        relation(actor, namespace),
        repositories.bestTeamAccess(actor.accountId(), repository.id()));
  }

  /** The resource a key names; a key naming nothing that exists is invisible. */
  public Standing key(Actor actor, SubscriptionKey key) {
    if (key instanceof SubscriptionKey.OfRepository repo) {
      return repositories
          .byPath(repo.path())
          .map(r -> repository(actor, r))
          .orElse(Standing.INVISIBLE);
    }
    if (key instanceof SubscriptionKey.OfNamespace ns) {
      return accounts.byName(ns.name()).map(a -> namespace(actor, a)).orElse(Standing.INVISIBLE);
    }
    return AccessRules.globalStanding(actor);
  }

  public Account requireAccount(NamespaceName name) {
    return accounts.byName(name).orElseThrow(() -> noSuchAccount(name.value()));
  }

  /** The user of that name: "no such user" for an organization, as for a name nobody has. */
  public Account requireUser(String name) {
    return accounts
        .byName(new NamespaceName(name))
        .filter(Account::isUser)
        .orElseThrow(() -> new NotFound("NO_SUCH_USER", "user '" + name + "' does not exist"));
  }

  /** The repository if it exists and the actor may see it; "not found" either way otherwise. */
  public CodeRepository requireVisibleRepository(Actor actor, RepositoryPath path) {
    Optional<CodeRepository> found = repositories.byPath(path);
    if (found.isEmpty() || repository(actor, found.get()) == Standing.INVISIBLE) {
      throw noSuchRepository(path);
    }
    return found.get();
  }

  public static NotFound noSuchAccount(String name) {
    return new NotFound("NO_SUCH_ACCOUNT", "account '" + name + "' does not exist");
  }

  public static NotFound noSuchRepository(RepositoryPath path) {
    return new NotFound(
        "NO_SUCH_REPOSITORY", "repository '" + path + "' does not exist or is not visible to you");
  }
}
