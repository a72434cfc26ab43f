package io.hooklift.adapter.rest.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.hooklift.domain.access.Actor;

/**
 * Who is logged in. {@code csrfToken} is present when the request was authenticated by the session
 * cookie: the console sends it back in {@code X-CSRF-Token} with every change.
 */
@JsonPropertyOrder({"name", "isAdmin", "csrfToken", "idleTimeoutSeconds"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionResponse(
    String name,
    @JsonProperty("isAdmin") boolean isAdmin,
    String csrfToken,
    Long idleTimeoutSeconds) {

  static SessionResponse of(Actor actor, String csrfToken, Long idleTimeoutSeconds) {
    return new SessionResponse(
        actor.name().value(), actor.systemAdmin(), csrfToken, idleTimeoutSeconds);
  }
}
