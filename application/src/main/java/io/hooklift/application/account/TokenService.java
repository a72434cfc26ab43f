package io.hooklift.application.account;

import io.hooklift.application.access.AccessResolver;
import io.hooklift.application.port.AccessTokens;
import io.hooklift.application.port.IdGenerator;
import io.hooklift.application.port.UnitOfWork;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.account.AccessToken;
import io.hooklift.domain.account.Account;
import io.hooklift.domain.shared.AccessDenied;
import io.hooklift.domain.shared.NotFound;
import io.hooklift.domain.shared.Uuids;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

/** Personal access tokens: only their hash is stored, and the secret is shown once, at creation. */
public final class TokenService implements TokenUseCases {

  private static final String TOKEN_PREFIX = "hl_";
  private static final int TOKEN_BYTES = 32;

  private final UnitOfWork tx;
  private final IdGenerator ids;
  private final AccessTokens tokens;
  private final AccessResolver access;
  private final RecentAuthentications recentAuthentications;
  private final Clock clock;

  /** {@code recentAuthentications} is emptied whenever a token is deleted here. */
  public TokenService(
      UnitOfWork tx,
      IdGenerator ids,
      AccessTokens tokens,
      AccessResolver access,
      RecentAuthentications recentAuthentications,
      Clock clock) {
    this.tx = tx;
    this.ids = ids;
    this.tokens = tokens;
    this.access = access;
    this.recentAuthentications = recentAuthentications;
    this.clock = clock;
  }

  @Override
  public IssuedToken create(Actor actor, String user, String label) {
    String checkedLabel = AccessToken.checkLabel(label);
    return tx.inTransaction(
        () -> {
          Account owner = requireSelfOrAdmin(actor, user);
          String secret =
              TOKEN_PREFIX
                  + Base64.getUrlEncoder()
                      .withoutPadding()
                      .encodeToString(ids.secretBytes(TOKEN_BYTES));
          AccessToken token =
              new AccessToken(ids.uuid(), owner.id(), checkedLabel, clock.instant());
          tokens.add(token, PasswordHashing.tokenHash(secret));
          return new IssuedToken(token, secret);
        });
  }

  @Override
  public List<AccessToken> list(Actor actor, String user) {
    return tx.inTransaction(() -> tokens.ofUser(requireSelfOrAdmin(actor, user).id()));
  }

  @Override
  public void delete(Actor actor, String user, String tokenId) {
    tx.run(
        () -> {
          Account owner = requireSelfOrAdmin(actor, user);
          AccessToken token =
              Uuids.parseCanonical(tokenId)
                  .flatMap(tokens::byId)
                  .filter(t -> t.userId().equals(owner.id()))
                  .orElseThrow(
                      () ->
                          new NotFound(
                              "NO_SUCH_TOKEN", "user '" + user + "' has no token with that id"));
          tokens.delete(token.id());
        });
    // After the commit: a lookup racing with the deletion must not re-remember the token.
    recentAuthentications.forgetAll();
  }

  private Account requireSelfOrAdmin(Actor actor, String user) {
    Account owner = access.requireUser(user);
    if (!actor.systemAdmin() && !owner.id().equals(actor.accountId())) {
      throw new AccessDenied("only '" + user + "' and system admins may manage this user's tokens");
    }
    return owner;
  }
}
