package io.hooklift.adapter.rest.subscription;

import io.hooklift.adapter.rest.json.Bodies;
import io.hooklift.adapter.rest.security.AuthenticatedActor;
import io.hooklift.application.subscription.WebhookUseCases;
import io.hooklift.domain.shared.InvalidInput;
import io.hooklift.domain.shared.Timestamps;
import io.hooklift.domain.subscription.Subscription;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code POST /api/v0/webhooks/{id}/secret/rotate} {@code {graceSeconds}}: a new signing secret for
 * webhook admins. During the grace period deliveries carry one signature per valid secret, so
 * receivers can switch to the new secret without rejecting a single delivery.
 */
@Path("/api/v0/webhooks/{id}/secret/rotate")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class SecretRotationResource {

  private final WebhookUseCases webhooks;

  @Inject
  public SecretRotationResource(WebhookUseCases webhooks) {
    this.webhooks = webhooks;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public RotatedSecretResponse rotate(
      @Context SecurityContext security, @PathParam("id") String id, RotateSecretRequest body) {
    long grace =
        Optional.ofNullable(Bodies.required(body).graceSeconds())
            .orElseThrow(
                () ->
                    InvalidInput.field(
                        "graceSeconds",
                        "graceSeconds is required (0 ends the old secret at once)"));
    if (grace < 0) {
      throw InvalidInput.field("graceSeconds", "graceSeconds must be 0 or more");
    }
    Subscription rotated =
        webhooks.rotateSecret(AuthenticatedActor.of(security), id, Duration.ofSeconds(grace));
    // With a grace period the secret just replaced is the first retired one
    // (Subscription.rotateSecret).
    String until =
        grace > 0
            ? Timestamps.format(rotated.retiredSecrets().get(0).validUntil())
            : Timestamps.NEVER;
    return new RotatedSecretResponse(rotated.id().value(), rotated.secret().value(), until);
  }
}
