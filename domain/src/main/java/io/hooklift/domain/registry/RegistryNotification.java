package io.hooklift.domain.registry;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of a Distribution registry's notification envelope, as far as Hooklift reads it. Every
 * field but the id and action is optional because the registry leaves out what does not apply (a
 * tag delete has no digest, a manifest delete no media type).
 *
 * @param id the registry's event id: the same on every retry, so it is what duplicates share
 * @param timestamp when the registry saw the request, empty if it sent none Hooklift could read
 * @param action {@code push}, {@code pull}, {@code mount} or {@code delete}
 * @param method the HTTP method of the request that caused the event ({@code HEAD} for existence
 *     checks)
 * @param actor the authenticated user, empty for anonymous requests
 */
public record RegistryNotification(
    String id,
    Optional<Instant> timestamp,
    String action,
    Optional<String> repository,
    Optional<String> mediaType,
    Optional<String> digest,
    Optional<String> tag,
    Optional<String> requestId,
    Optional<String> method,
    Optional<String> userAgent,
    Optional<String> actor) {

  public RegistryNotification {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(actor, "actor");
  }
}
