package io.hooklift.application.session;

import io.hooklift.application.account.AuthenticationUseCases;
import io.hooklift.application.port.Accounts;
import io.hooklift.application.port.Sessions;
import io.hooklift.application.port.Sessions.StoredSession;
import io.hooklift.application.port.UnitOfWork;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.account.Account;
import io.hooklift.domain.shared.Unauthenticated;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Console sessions over the {@link Sessions} port. Credentials are checked only by {@link
 * AuthenticationUseCases}, so whatever protects HTTP Basic logins (its cache, any throttling of
 * failures) protects the login form too. A resumed session reads its account again, so a deleted
 * account or a revoked admin flag takes effect on the next request.
 */
public final class SessionService implements SessionUseCases {

  private final AuthenticationUseCases authentication;
  private final UnitOfWork tx;
  private final Sessions sessions;
  private final Accounts accounts;
  private final Clock clock;
  private final SessionSettings settings;
  private final SessionTokens tokens = new SessionTokens();

  public SessionService(
      AuthenticationUseCases authentication,
      UnitOfWork tx,
      Sessions sessions,
      Accounts accounts,
      Clock clock,
      SessionSettings settings) {
    this.authentication = Objects.requireNonNull(authentication, "authentication");
    this.tx = Objects.requireNonNull(tx, "tx");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public OpenedSession logIn(String username, String secret, String clientAddress) {
    Actor actor =
        authentication
            .authenticate(username, secret, clientAddress)
            .orElseThrow(Unauthenticated::new);
    String token = tokens.newToken();
    Instant now = clock.instant();
    tx.run(
        () -> {
          // Logins are rare, so they sweep away what expired; no scheduler needed.
          sessions.removeExpired(
              now.minus(settings.idleTimeout()), now.minus(settings.maxLifetime()));
          sessions.add(
              new StoredSession(SessionTokens.storedHash(token), actor.accountId(), now, now));
        });
    return new OpenedSession(token, SessionTokens.csrfToken(token), actor, settings.idleTimeout());
  }

  @Override
  public Optional<ActiveSession> resume(String token) {
    if (!SessionTokens.wellFormed(token)) {
      return Optional.empty();
    }
    String hash = SessionTokens.storedHash(token);
    Instant now = clock.instant();
    return tx.inTransaction(
        () ->
            sessions
                .byTokenHash(hash)
                .filter(s -> live(s, now))
                .flatMap(
                    s ->
                        accounts
                            .byId(s.accountId())
                            .filter(Account::isUser)
                            .map(account -> resumed(s, account, now, token))));
  }

  @Override
  public void logOut(String token) {
    if (SessionTokens.wellFormed(token)) {
      tx.run(() -> sessions.remove(SessionTokens.storedHash(token)));
    }
  }

  private boolean live(StoredSession session, Instant now) {
    return session.lastSeenAt().plus(settings.idleTimeout()).isAfter(now)
        && session.createdAt().plus(settings.maxLifetime()).isAfter(now);
  }

  private ActiveSession resumed(StoredSession session, Account account, Instant now, String token) {
    if (!session.lastSeenAt().plus(settings.touchInterval()).isAfter(now)) {
      sessions.touch(session.tokenHash(), now);
    }
    Actor actor = new Actor(account.id(), account.name(), account.systemAdmin());
    return new ActiveSession(actor, SessionTokens.csrfToken(token));
  }
}
