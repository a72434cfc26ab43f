package io.hooklift.adapter.rest.delivery;

import io.hooklift.adapter.rest.json.Bodies;
import io.hooklift.adapter.rest.security.AuthenticatedActor;
import io.hooklift.application.delivery.DeliveryUseCases;
import io.hooklift.application.delivery.DeliveryUseCases.TestResult;
import io.hooklift.domain.access.Actor;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code POST /api/v0/webhooks/test}: sends a type's fixed example once, under the egress and TLS
 * rules of real deliveries. Its literal path outranks {@code /api/v0/webhooks/{id}} in JAX-RS
 * matching, so {@code test} is never taken for a webhook id.
 */
@Path("/api/v0/webhooks/test")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class WebhookTestResource {

  private final DeliveryUseCases deliveries;

  @Inject
  public WebhookTestResource(DeliveryUseCases deliveries) {
    this.deliveries = deliveries;
  }

  /** 200 whatever the receiver said: the status, the duration, and an error only when it failed. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public TestResultResponse test(@Context SecurityContext security, TestWebhookRequest body) {
    Actor actor = AuthenticatedActor.of(security);
    var command = DeliveryRequests.toCommand(Bodies.required(body));
    TestResult result = deliveries.test(actor, command);
    return new TestResultResponse(
        result.statusCode(), result.durationMs(), result.error().orElse(null));
  }
}
