package io.hooklift.application.account;

import io.hooklift.domain.access.Actor;
import io.hooklift.domain.account.Account;

/** {@code /api/v0/accounts}: users and organizations. */
public interface AccountUseCases {

  /** System admins only. */
  Account create(Actor actor, CreateAccountCommand command);

  Account get(Actor actor, String name);

  /**
   * System admins only; a namespace that still holds repositories cannot be deleted. The account's
   * tokens and memberships, the webhooks it authored and those keyed on its namespace (with their
   * deliveries) go with it, in the same transaction.
   */
  void delete(Actor actor, String name);
}
