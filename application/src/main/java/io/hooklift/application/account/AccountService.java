package io.hooklift.application.account;

import io.hooklift.application.access.AccessResolver;
import io.hooklift.application.port.Accounts;
import io.hooklift.application.port.CodeRepositories;
import io.hooklift.application.port.IdGenerator;
import io.hooklift.application.port.Subscriptions;
import io.hooklift.application.port.Subscriptions.Selection;
import io.hooklift.application.port.UnitOfWork;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.account.Account;
import io.hooklift.domain.naming.NamespaceName;
import io.hooklift.domain.shared.AccessDenied;
import io.hooklift.domain.shared.Conflict;
import io.hooklift.domain.subscription.SubscriptionId;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Users and organizations: only system admins create and delete them. */
public final class AccountService implements AccountUseCases {

  private final UnitOfWork tx;
  private final IdGenerator ids;
  private final Accounts accounts;
  private final CodeRepositories repositories;
  private final Subscriptions subscriptions;
  private final AccessResolver access;
  private final PasswordHashing passwords;
  private final RecentAuthentications recentAuthentications;
  private final Clock clock;

  /** {@code recentAuthentications} is emptied whenever an account is deleted here. */
  public AccountService(
      UnitOfWork tx,
      IdGenerator ids,
      Accounts accounts,
      CodeRepositories repositories,
      Subscriptions subscriptions,
      AccessResolver access,
      PasswordHashing passwords,
      RecentAuthentications recentAuthentications,
      Clock clock) {
    this.tx = tx;
    this.ids = ids;
    this.accounts = accounts;
    this.repositories = repositories;
    this.subscriptions = subscriptions;
    this.access = access;
    this.passwords = passwords;
    this.recentAuthentications = recentAuthentications;
    this.clock = clock;
  }

  @Override
  public Account create(Actor actor, CreateAccountCommand command) {
    requireSystemAdmin(actor, "only system admins may create accounts");
    // The slow KDF runs before the transaction so it never holds a connection.
    Optional<String> hash = command.password().map(passwords::hash);
    return tx.inTransaction(
        () -> {
          if (accounts.byName(command.name()).isPresent()) {
            throw new Conflict(
                "ACCOUNT_EXISTS", "an account named '" + command.name() + "' already exists");
          }
          Account account =
              new Account(
                  ids.uuid(),
                  command.name(),
                  command.type(),
                  command.systemAdmin(),
                  clock.instant());
          accounts.add(account, hash);
          return account;
        });
  }

  @Override
  public Account get(Actor actor, String name) {
    NamespaceName parsed = new NamespaceName(name);
    return tx.inTransaction(() -> access.requireAccount(parsed));
  }

  @Override
  public void delete(Actor actor, String name) {
    NamespaceName parsed = new NamespaceName(name);
    requireSystemAdmin(actor, "only system admins may delete accounts");
    tx.run(
        () -> {
          Account account = access.requireAccount(parsed);
          if (account.id().equals(actor.accountId())) {
            throw new Conflict("CANNOT_DELETE_SELF", "you cannot delete your own account");
          }
          if (repositories.anyIn(parsed)) {
            throw new Conflict(
                "NAMESPACE_NOT_EMPTY",
                "namespace '" + parsed + "' still has repositories; delete them first");
          }
          deleteWebhooksOf(account);
          accounts.delete(account.id());
        });
    // After the commit: a lookup racing with the deletion must not re-remember the old state.
    recentAuthentications.forgetAll();
  }

  /**
   * An account's webhooks go with it: those it authored would keep delivering under an authorID
   * that names nobody, and those keyed on its namespace (or on repositories in it, which outlive
   * the repositories) would pass to whoever takes the name next. Subscriptions.delete takes each
   * one's deliveries and attempts along, as DELETE /webhooks/{id} does.
   */
  private void deleteWebhooksOf(Account account) {
    Stream.concat(
            subscriptions.ids(new Selection.ByAuthor(account.id())).stream(),
            subscriptions.ids(new Selection.ByNamespace(account.name())).stream())
        .distinct()
        .sorted(Comparator.comparing(SubscriptionId::value)) // the delivery paths' lock order
        .forEach(subscriptions::delete);
  }

  private static void requireSystemAdmin(Actor actor, String reason) {
    if (!actor.systemAdmin()) {
      throw new AccessDenied(reason);
    }
  }
}
