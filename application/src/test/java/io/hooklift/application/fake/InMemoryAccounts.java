package io.hooklift.application.fake;

import io.hooklift.application.port.Accounts;
import io.hooklift.domain.account.Account;
import io.hooklift.domain.naming.NamespaceName;
import java.util.Optional;
import java.util.UUID;

final class InMemoryAccounts implements Accounts {

  private final InMemoryStore store;

  InMemoryAccounts(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public void add(Account account, Optional<String> passwordHash) {
    InMemoryState s = store.current();
    if (byName(account.name()).isPresent() || s.accounts.containsKey(account.id())) {
      throw new IllegalStateException("duplicate account " + account.name());
    }
    s.accounts.put(account.id(), account);
    passwordHash.ifPresent(h -> s.passwordHashes.put(account.id(), h));
  }

  @Override
  public Optional<Account> byName(NamespaceName name) {
    return store.current().accounts.values().stream()
        .filter(a -> a.name().equals(name))
        .findFirst();
  }

  @Override
  public Optional<Account> byId(UUID id) {
    return Optional.ofNullable(store.current().accounts.get(id));
  }

  @Override
  public Optional<String> passwordHash(UUID accountId) {
    return Optional.ofNullable(store.current().passwordHashes.get(accountId));
  }

  @Override
  public void delete(UUID accountId) {
    InMemoryState s = store.current();
    s.accounts.remove(accountId);
    s.passwordHashes.remove(accountId);
    s.memberships
        .keySet()
        .removeIf(k -> k.userId().equals(accountId) || k.organizationId().equals(accountId));
    s.teamMembers.keySet().removeIf(k -> k.userId().equals(accountId));
    s.teams
        .values()
        .removeIf(
            t -> {
              if (!t.organizationId().equals(accountId)) {
                return false;
              }
              s.teamMembers.keySet().removeIf(k -> k.teamId().equals(t.id()));
              s.grants.keySet().removeIf(k -> k.teamId().equals(t.id()));
              return true;
            });
    s.tokens
        .values()
        .removeIf(
            t -> {
              boolean owned = t.userId().equals(accountId);
              if (owned) {
                s.tokenHashes.remove(t.id());
              }
              return owned;
            });
  }

  @Override
  public long count() {
    return store.current().accounts.size();
  }
}
