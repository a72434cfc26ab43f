package io.hooklift.domain.access;

import io.hooklift.domain.account.AccessLevel;
import io.hooklift.domain.repository.CodeRepository;
import java.util.Optional;

/**
 * The admin rules of the product, as pure functions of facts the application has looked up.
 *
 * <ul>
 *   <li>Namespace owner: a system admin, the user whose namespace it is, an owner of the
 *       organization.
 *   <li>Repository admin: a namespace owner, or a member of a team with {@code admin} access.
 *   <li>A public repository is visible to every authenticated user, a private one only to those
 *       with some access level.
 * </ul>
 */
public final class AccessRules {

  private AccessRules() {}

  public static boolean isNamespaceOwner(Actor actor, NamespaceRelation relation) {
    return actor.systemAdmin() || relation.self() || relation.organizationOwner();
  }

  /** Namespaces are visible to every authenticated user; owners administer them. */
  public static Standing namespaceStanding(Actor actor, NamespaceRelation relation) {
    return isNamespaceOwner(actor, relation) ? Standing.ADMIN : Standing.VISIBLE;
  }

  /** The effective access level: namespace owners have admin, others what their teams grant. */
  public static Optional<AccessLevel> repositoryLevel(
      Actor actor, NamespaceRelation relation, Optional<AccessLevel> bestTeamLevel) {
    return isNamespaceOwner(actor, relation) ? Optional.of(AccessLevel.ADMIN) : bestTeamLevel;
  }

  public static Standing repositoryStanding(
      Actor actor,
      CodeRepository repository,
      NamespaceRelation relation,
      Optional<AccessLevel> bestTeamLevel) {
    Optional<AccessLevel> level = repositoryLevel(actor, relation, bestTeamLevel);
    if (level.filter(AccessLevel.ADMIN::equals).isPresent()) {
      return Standing.ADMIN;
    }
    return repository.isPublic() || level.isPresent() ? Standing.VISIBLE : Standing.INVISIBLE;
  }

  /** Registry-wide resources: visible to all, administered by system admins. */
  public static Standing globalStanding(Actor actor) {
    return actor.systemAdmin() ? Standing.ADMIN : Standing.VISIBLE;
  }
}
