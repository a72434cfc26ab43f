package io.hooklift.application.account;

import io.hooklift.application.port.AccessTokens;
import io.hooklift.application.port.Accounts;
import io.hooklift.application.port.UnitOfWork;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.account.Account;
import io.hooklift.domain.naming.NamespaceName;
import io.hooklift.domain.shared.InvalidInput;
import io.hooklift.domain.shared.RateLimited;
import java.time.Duration;
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
  private final LoginThrottle throttle;
  private final HashingBudget budget;

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
    this(
        tx,
        accounts,
        tokens,
        passwords,
        recent,
        new LoginThrottle(LoginThrottle.Settings.DEFAULT, System::nanoTime),
        new HashingBudget(
            HashingBudget.defaultPermits(),
            HashingBudget.DEFAULT_MAX_WAIT,
            HashingBudget.DEFAULT_SHARE));
  }

  AuthenticationService(
      UnitOfWork tx,
      Accounts accounts,
      AccessTokens tokens,
      PasswordHashing passwords,
      RecentAuthentications recent,
      LoginThrottle throttle,
      HashingBudget budget) {
    this.tx = tx;
    this.accounts = accounts;
    this.tokens = tokens;
    this.passwords = passwords;
    this.recent = recent;
    this.throttle = throttle;
    this.budget = budget;
  }

  @Override
  public Optional<Actor> authenticate(String username, String secret, String clientAddress) {
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
    Optional<Actor> actor;
    if (stored.isPresent() && stored.get().tokenMatched()) {
      actor = stored.map(c -> actorOf(c.account())); // tokens are never throttled
    } else {
      actor = checkPassword(username, secret, address(clientAddress), stored);
    }
    actor.ifPresent(a -> recent.remember(username, secret, a, generation));
    return actor;
  }

  /**
   * The slow path, throttled and within the hashing budget. An unknown name (or an account without
   * a password) is checked against a dummy hash, so it costs and answers the same as a known one.
   */
  private Optional<Actor> checkPassword(
      String username, String secret, String address, Optional<Credentials> stored) {
    Optional<Duration> locked = throttle.lockedFor(username, address);
    if (locked.isPresent()) {
      throw new RateLimited("too many failed logins; try again later", locked.get());
    }
    Optional<String> hash = stored.flatMap(Credentials::passwordHash);
    boolean ok = false;
    if (hash.isPresent()) {
      ok = passwordMatches(hash.get(), secret);
    } else {
      budget.check(() -> passwords.matches(secret, passwords.dummyHash())); // same cost, no match
    }
    if (!ok) {
      throttle.failed(username, address);
      return Optional.empty();
    }
    throttle.succeeded(username);
    return stored.map(c -> actorOf(c.account()));
  }

  private static String address(String clientAddress) {
    return clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress;
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

  private boolean passwordMatches(String hash, String password) {
    if (verified.contains(hash, password)) {
      return true;
    }
    boolean ok = budget.check(() -> passwords.matches(password, hash));
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
