package io.hooklift.application.port;

import io.hooklift.domain.account.Account;
import io.hooklift.domain.naming.NamespaceName;
import java.util.Optional;
import java.util.UUID;

/** Users and organizations, and the password hashes of users. */
public interface Accounts {

  /** Adds an account; names are unique across users and organizations. */
  void add(Account account, Optional<String> passwordHash);

  Optional<Account> byName(NamespaceName name);

  Optional<Account> byId(UUID id);

  Optional<String> passwordHash(UUID accountId);

  /**
   * Removes the account with its memberships, team memberships and tokens; for an organization also
   * its teams (with their members and repository grants).
   */
  void delete(UUID accountId);

  long count();
}
