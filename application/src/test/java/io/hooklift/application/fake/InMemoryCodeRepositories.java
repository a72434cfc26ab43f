package io.hooklift.application.fake;

import io.hooklift.application.fake.InMemoryState.TeamGrant;
import io.hooklift.application.fake.InMemoryState.TeamMember;
import io.hooklift.application.port.CodeRepositories;
import io.hooklift.domain.account.AccessLevel;
import io.hooklift.domain.naming.NamespaceName;
import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.repository.CodeRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

final class InMemoryCodeRepositories implements CodeRepositories {

  private final InMemoryStore store;

  InMemoryCodeRepositories(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public void add(CodeRepository repository) {
    if (byPath(repository.path()).isPresent()) {
      throw new IllegalStateException("duplicate repository " + repository.path());
    }
    store.current().repositories.put(repository.id(), repository);
  }

  @Override
  public void update(CodeRepository repository) {
    InMemoryState s = store.current();
    if (!s.repositories.containsKey(repository.id())) {
      throw new IllegalStateException("no repository " + repository.id());
    }
    s.repositories.put(repository.id(), repository);
  }

  @Override
  public void delete(UUID repositoryId) {
    InMemoryState s = store.current();
    s.repositories.remove(repositoryId);
    s.grants.keySet().removeIf(k -> k.repositoryId().equals(repositoryId));
  }

  @Override
  public Optional<CodeRepository> byPath(RepositoryPath path) {
    return store.current().repositories.values().stream()
        .filter(r -> r.path().equals(path))
        .findFirst();
  }

  @Override
  public List<CodeRepository> list(Optional<NamespaceName> namespace) {
    return store.current().repositories.values().stream()
        .filter(r -> namespace.map(r.path().namespace()::equals).orElse(true))
        .sorted(
            Comparator.comparing((CodeRepository r) -> r.path().namespace().value())
                .thenComparing(r -> r.path().name().value()))
        .toList();
  }

  @Override
  public boolean anyIn(NamespaceName namespace) {
    return !list(Optional.of(namespace)).isEmpty();
  }

  @Override
  public void putTeamAccess(UUID teamId, UUID repositoryId, AccessLevel level) {
    store.current().grants.put(new TeamGrant(teamId, repositoryId), level);
  }

  @Override
  public void removeTeamAccess(UUID teamId, UUID repositoryId) {
    store.current().grants.remove(new TeamGrant(teamId, repositoryId));
  }

  @Override
  public Optional<AccessLevel> teamAccess(UUID teamId, UUID repositoryId) {
    return Optional.ofNullable(store.current().grants.get(new TeamGrant(teamId, repositoryId)));
  }

  @Override
  public Optional<AccessLevel> bestTeamAccess(UUID userId, UUID repositoryId) {
    InMemoryState s = store.current();
    return s.grants.entrySet().stream()
        .filter(e -> e.getKey().repositoryId().equals(repositoryId))
        .filter(e -> s.teamMembers.containsKey(new TeamMember(e.getKey().teamId(), userId)))
        .map(java.util.Map.Entry::getValue)
        .max(Comparator.naturalOrder());
  }
}
