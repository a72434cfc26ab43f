package io.hooklift.application.account;

import io.hooklift.domain.access.Actor;
import io.hooklift.domain.account.AccessToken;
import java.util.List;

/**
 * {@code /api/v0/accounts/{user}/tokens}: personal access tokens, managed by the user themself or a
 * system admin.
 */
public interface TokenUseCases {

  /** The token secret is returned here and never again. */
  IssuedToken create(Actor actor, String user, String label);

  List<AccessToken> list(Actor actor, String user);

  void delete(Actor actor, String user, String tokenId);

  /** A freshly created token with its secret, which is shown once. */
  record IssuedToken(AccessToken token, String secret) {}
}
