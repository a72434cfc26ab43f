package io.hooklift.application.account;

import io.hooklift.application.port.Accounts;
import io.hooklift.application.port.IdGenerator;
import io.hooklift.application.port.UnitOfWork;
import io.hooklift.domain.account.Account;
import io.hooklift.domain.account.AccountType;
import io.hooklift.domain.naming.NamespaceName;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What an empty installation needs before anyone can log in: the system admin {@code admin}. The
 * composition root runs it at start; no actor does, so it is not a use case.
 */
public final class FirstStart {

  static final String INITIAL_ADMIN = "admin";

  private final UnitOfWork tx;
  private final IdGenerator ids;
  private final Accounts accounts;
  private final PasswordHashing passwords;
  private final Clock clock;

  public FirstStart(
      UnitOfWork tx, IdGenerator ids, Accounts accounts, PasswordHashing passwords, Clock clock) {
    this.tx = tx;
    this.ids = ids;
    this.accounts = accounts;
    this.passwords = passwords;
    this.clock = clock;
  }

  /**
   * Creates {@code admin} with this password if there is no account at all; returns whether it did.
   * Several instances starting together on one database create it once.
   */
  public boolean ensureInitialAdmin(String password) {
    return ensureInitialAdmin(() -> passwords.hash(password));
  }

  /**
   * As {@link #ensureInitialAdmin(String)}, with the password's hash from the caller, asked for
   * only when there is no account: a caller that expects an empty installation may compute it while
   * the database is still starting.
   */
  public boolean ensureInitialAdmin(Supplier<String> passwordHash) {
    if (tx.inTransaction(() -> accounts.count() > 0)) {
      return false;
    }
    String hash = passwordHash.get();
    return tx.inTransaction(
        () -> {
          if (accounts.count() > 0) {
            return false; // another instance won the race
          }
          accounts.add(
              new Account(
                  ids.uuid(),
                  new NamespaceName(INITIAL_ADMIN),
                  AccountType.USER,
                  true,
                  clock.instant()),
              Optional.of(hash));
          return true;
        });
  }
}
