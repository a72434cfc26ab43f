package io.hooklift.application.port;

import io.hooklift.domain.account.AccessLevel;
import io.hooklift.domain.naming.NamespaceName;
import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.repository.CodeRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Registry repositories and the access levels teams hold on them. */
public interface CodeRepositories {

  void add(CodeRepository repository);

  void update(CodeRepository repository);

  /** Removes the repository and its team grants. */
  void delete(UUID repositoryId);

  Optional<CodeRepository> byPath(RepositoryPath path);

  /** All repositories, or those of one namespace, ordered by namespace then name. */
  List<CodeRepository> list(Optional<NamespaceName> namespace);

  boolean anyIn(NamespaceName namespace);

  void putTeamAccess(UUID teamId, UUID repositoryId, AccessLevel level);

  void removeTeamAccess(UUID teamId, UUID repositoryId);

  Optional<AccessLevel> teamAccess(UUID teamId, UUID repositoryId);

  /** The highest level any of the user's teams holds on the repository. */
  Optional<AccessLevel> bestTeamAccess(UUID userId, UUID repositoryId);
}
