package io.hooklift.application.fake;

import io.hooklift.application.port.AccessTokens;
import io.hooklift.domain.account.AccessToken;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

final class InMemoryAccessTokens implements AccessTokens {

  private final InMemoryStore store;

  InMemoryAccessTokens(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public void add(AccessToken token, String secretHash) {
    InMemoryState s = store.current();
    if (s.tokenHashes.containsValue(secretHash)) {
      throw new IllegalStateException("duplicate token hash");
    }
    s.tokens.put(token.id(), token);
    s.tokenHashes.put(token.id(), secretHash);
  }

  @Override
  public Optional<AccessToken> bySecretHash(String secretHash) {
    InMemoryState s = store.current();
    return s.tokenHashes.entrySet().stream()
        .filter(e -> e.getValue().equals(secretHash))
        .map(Map.Entry::getKey)
        .findFirst()
        .map(s.tokens::get);
  }

  @Override
  public List<AccessToken> ofUser(UUID userId) {
    return store.current().tokens.values().stream()
        .filter(t -> t.userId().equals(userId))
        .sorted(Comparator.comparing(AccessToken::createdAt).thenComparing(AccessToken::id))
        .toList();
  }

  @Override
  public Optional<AccessToken> byId(UUID tokenId) {
    return Optional.ofNullable(store.current().tokens.get(tokenId));
  }

  @Override
  public void delete(UUID tokenId) {
    InMemoryState s = store.current();
    s.tokens.remove(tokenId);
    s.tokenHashes.remove(tokenId);
  }
}
