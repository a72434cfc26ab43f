package io.hooklift.application.fake;

import io.hooklift.application.port.RegistryIndex;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sightings, manifests and tags in maps keyed as the database keys them. */
public final class InMemoryRegistryIndex implements RegistryIndex {

  private final InMemoryStore store;

  InMemoryRegistryIndex(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public boolean handled(String notificationId) {
    return store.current().registrySightings.containsKey(notificationId);
  }

  @Override
  public boolean firstSighting(String notificationId, Instant receivedAt) {
    return store.current().registrySightings.putIfAbsent(notificationId, receivedAt) == null;
  }

  @Override
  public Optional<KnownManifest> manifest(String repository, String digest) {
    return Optional.ofNullable(store.current().registryManifests.get(key(repository, digest)));
  }

  @Override
  public void rememberManifest(KnownManifest manifest) {
    store.current().registryManifests.put(key(manifest.repository(), manifest.digest()), manifest);
  }

  @Override
  public Optional<String> taggedDigest(String repository, String tag) {
    return Optional.ofNullable(store.current().registryTags.get(key(repository, tag)));
  }

  @Override
  public void rememberTag(String repository, String tag, String digest) {
    store.current().registryTags.put(key(repository, tag), digest);
  }

  @Override
  public void forgetTag(String repository, String tag) {
    store.current().registryTags.remove(key(repository, tag));
  }

  @Override
  public void rememberDigestDelete(DigestDelete delete) {
    store.current().registryDigestDeletes.put(key(delete.requestId(), delete.repository()), delete);
  }

  @Override
  public Optional<DigestDelete> digestDelete(String requestId, String repository) {
    return Optional.ofNullable(
        store.current().registryDigestDeletes.get(key(requestId, repository)));
  }

  @Override
  public int forgetSightingsBefore(Instant cutoff) {
    List<String> old =
        store.current().registrySightings.entrySet().stream()
            .filter(e -> e.getValue().isBefore(cutoff))
            .map(java.util.Map.Entry::getKey)
            .toList();
    old.forEach(store.current().registrySightings::remove);
    store.current().registryDigestDeletes.values().removeIf(d -> d.receivedAt().isBefore(cutoff));
    return old.size();
  }

  private static String key(String repository, String second) {
    return repository + "\n" + second;
  }
}
