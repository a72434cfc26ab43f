package io.hooklift.application.port;

import io.hooklift.domain.account.AccessToken;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Personal access tokens, stored by the SHA-256 of the secret; the secret itself is never kept. */
public interface AccessTokens {

  void add(AccessToken token, String secretHash);

  Optional<AccessToken> bySecretHash(String secretHash);

  /** The user's tokens, oldest first. */
  List<AccessToken> ofUser(UUID userId);

  Optional<AccessToken> byId(UUID tokenId);

  void delete(UUID tokenId);
}
