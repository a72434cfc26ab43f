package io.hooklift.domain.event;

import io.hooklift.domain.naming.NamespaceName;
import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.shared.JsonWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Something that happened in the registry, ready to be delivered. Immutable once created: the
 * envelope it renders is stored and signed byte for byte.
 *
 * @param origin where it happened: a repository for repository and namespace types, none for global
 */
public record Event(
    UUID id,
    EventType type,
    Optional<RepositoryPath> origin,
    Instant createdAt,
    EventContents contents,
    String location) {

  public Event {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(contents, "contents");
    Objects.requireNonNull(location, "location");
    if (!contents.fits(type)) {
      throw new IllegalArgumentException(
          type + " events do not carry " + contents.getClass().getSimpleName());
    }
    if (origin.isEmpty() != (type.scope() == EventScope.GLOBAL)) {
      throw new IllegalArgumentException(
          type + " events must " + (origin.isEmpty() ? "" : "not ") + "have an origin");
    }
  }

  public Optional<NamespaceName> namespace() {
    return origin.map(RepositoryPath::namespace);
  }

  /**
   * The subscription keys that receive this event: the repository itself (repository-scoped types
   * only), its namespace, and the global key.
   */
  public List<SubscriptionKey> matchingKeys() {
    List<SubscriptionKey> keys = new ArrayList<>(3);
    origin.ifPresent(
        path -> {
          if (type.scope() == EventScope.REPOSITORY) {
            keys.add(new SubscriptionKey.OfRepository(path));
          }
          keys.add(new SubscriptionKey.OfNamespace(path.namespace()));
        });
    keys.add(new SubscriptionKey.Global());
    return keys;
  }

  /** The MSR envelope {@code {type, createdAt, contents, location}} as delivered. */
  public String envelopeJson() {
    return JsonWriter.object(
        json ->
            json.string("type", type.name())
                .time("createdAt", createdAt)
                .object("contents", contents::writeFields)
                .string("location", location));
  }
}
