package io.hooklift.application.repository;

import io.hooklift.application.port.Page;
import io.hooklift.application.port.PageRequest;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.account.AccessLevel;
import io.hooklift.domain.repository.CodeRepository;
import io.hooklift.domain.repository.RepositorySettings;
import java.util.Optional;

/**
 * Repositories. Creating, changing and deleting one stores the matching REPO_* event in the same
 * transaction.
 */
public interface RepositoryUseCases {

  /** Namespace owners. */
  CodeRepository create(Actor actor, String namespace, String name, RepositorySettings settings);

  /** The repositories visible to the actor, everywhere or in one namespace. */
  Page<CodeRepository> list(Actor actor, Optional<String> namespace, PageRequest page);

  CodeRepository get(Actor actor, String namespace, String name);

  /** Repository admins; {@code change} receives the current settings and returns the new ones. */
  CodeRepository update(Actor actor, String namespace, String name, SettingsChange change);

  void delete(Actor actor, String namespace, String name);

  /** Owners of the repository's organization. */
  void putTeamAccess(Actor actor, String namespace, String name, String team, AccessLevel level);

  void removeTeamAccess(Actor actor, String namespace, String name, String team);

  /** A PATCH: derives the new settings from the current ones. */
  @FunctionalInterface
  interface SettingsChange {
    RepositorySettings apply(RepositorySettings current);
  }
}
