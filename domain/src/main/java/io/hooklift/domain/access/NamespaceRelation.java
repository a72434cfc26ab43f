package io.hooklift.domain.access;

/**
 * What a user is to one namespace: the namespace itself (their own user account), an owner of the
 * organization, or a plain member of it.
 */
public record NamespaceRelation(
    boolean self, boolean organizationOwner, boolean organizationMember) {

  public static final NamespaceRelation STRANGER = new NamespaceRelation(false, false, false);
}
