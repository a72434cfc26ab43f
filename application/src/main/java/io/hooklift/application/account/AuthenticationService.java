package io.hooklift.application.account;

import io.hooklift.application.port.AccessTokens;
import io.hooklift.application.port.Accounts;
import io.hooklift.application.port.UnitOfWork;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.account.Account;
import io.hooklift.domain.naming.NamespaceName;
import io.hooklift.domain.shared.InvalidInput;
import java.util.Optional;

/**
 * Checks HTTP Basic credentials. Tokens are looked up by hash; passwords are verified with the slow
 * KDF outside the transaction (so a login never holds a database connection for the KDF's time),
 * and recent successful verifications are remembered briefly so that scripts sending a password on
 * every request do not pay the KDF each time. A success is also kept for a few seconds in {@link
 * RecentAuthentications}, so a client that authenticates every request does not cost a database
 * transaction per request.
 */
public final class AuthenticationService implements AuthenticationUseCases {

  private static final int MAX_SECRET_LENGTH = 4096;

  private final UnitOfWork tx;
  private final Accounts accounts;
  private final AccessTokens tokens;
  private final PasswordHashing passwords;
  private final VerifiedPasswords verified = new VerifiedPasswords();
  private final RecentAuthentications recent;

  /**
   * {@code recent} is shared with {@link AccountService} and {@link TokenService}, which empty it
   * when credentials go away.
   */
  public AuthenticationService(
      UnitOfWork tx,
      Accounts accounts,
      AccessTokens tokens,
      PasswordHashing passwords,
      RecentAuthentications recent) {
    this.tx = tx;
    this.accounts = accounts;
    this.tokens = tokens;
    this.passwords = passwords;
    this.recent = recent;
  }

  @Override
  public Optional<Actor> authenticate(String username, String secret) {
    Optional<NamespaceName> name = parseName(username);
    if (name.isEmpty()
        || secret == null
        || secret.isEmpty()
        || secret.length() > MAX_SECRET_LENGTH) {
      return Optional.empty();
    }
    Optional<Actor> remembered = recent.find(username, secret);
    if (remembered.isPresent()) {
      return remembered;
    }
    long generation = recent.generation();
    Optional<Credentials> stored = tx.inTransaction(() -> lookUp(name.get(), secret));
    Optional<Actor> actor =
        stored
            .filter(c -> c.tokenMatched() || passwordMatches(c, secret))
            .map(c -> actorOf(c.account()));
    actor.ifPresent(a -> recent.remember(username, secret, a, generation));
    return actor;
  }

  private Optional<Credentials> lookUp(NamespaceName name, String secret) {
    Optional<Account> account = accounts.byName(name).filter(Account::isUser);
    if (account.isEmpty()) {
      return Optional.empty();
    }
    boolean tokenMatched =
        tokens
            .bySecretHash(PasswordHashing.tokenHash(secret))
            .filter(t -> t.userId().equals(account.get().id()))
            .isPresent();
    // A matching token settles it: no need to read the password hash (one query less per request).
    Optional<String> hash =
        tokenMatched ? Optional.empty() : accounts.passwordHash(account.get().id());
    return Optional.of(new Credentials(account.get(), tokenMatched, hash));
  }

  private boolean passwordMatches(Credentials credentials, String password) {
    if (credentials.passwordHash().isEmpty()) {
      return false;
    }
    String hash = credentials.passwordHash().get();
    if (verified.contains(hash, password)) {
      return true;
    }
    boolean ok = passwords.matches(password, hash);
    if (ok) {
      verified.remember(hash, password);
    }
    return ok;
  }

  private static Actor actorOf(Account account) {
    return new Actor(account.id(), account.name(), account.systemAdmin());
  }

  private static Optional<NamespaceName> parseName(String username) {
    try {
      return Optional.of(new NamespaceName(username));
    } catch (InvalidInput e) {
      return Optional.empty();
    }
  }

  private record Credentials(
      Account account, boolean tokenMatched, Optional<String> passwordHash) {}
}
