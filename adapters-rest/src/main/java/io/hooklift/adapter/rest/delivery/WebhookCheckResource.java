package io.hooklift.adapter.rest.delivery;

import io.hooklift.adapter.rest.security.AuthenticatedActor;
import io.hooklift.application.delivery.DeliveryUseCases;
import io.hooklift.application.delivery.DeliveryUseCases.TestResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code POST /api/v0/webhooks/{id}/test}: the test send of {@code /webhooks/test}, for an existing
 * webhook: its type's example, to its endpoint, in its payload format with its custom headers, and
 * signed with its secret, so its receiver can test signature verification. Any body is ignored.
 */
@Path("/api/v0/webhooks/{id}/test")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class WebhookCheckResource {

  private final DeliveryUseCases deliveries;

  @Inject
  public WebhookCheckResource(DeliveryUseCases deliveries) {
    this.deliveries = deliveries;
  }

  @POST
  public TestResultResponse test(@Context SecurityContext security, @PathParam("id") String id) {
    TestResult result = deliveries.testWebhook(AuthenticatedActor.of(security), id);
    return new TestResultResponse(
        result.statusCode(), result.durationMs(), result.error().orElse(null));
  }
}
