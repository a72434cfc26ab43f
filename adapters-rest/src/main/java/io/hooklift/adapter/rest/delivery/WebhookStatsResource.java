package io.hooklift.adapter.rest.delivery;

import io.hooklift.adapter.rest.security.AuthenticatedActor;
import io.hooklift.application.delivery.DeliveryUseCases;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /api/v0/webhooks/{id}/stats}: a webhook's delivery figures and why it is off when it
 * is, for those who see the webhook.
 */
@Path("/api/v0/webhooks/{id}/stats")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class WebhookStatsResource {

  private final DeliveryUseCases deliveries;

  @Inject
  public WebhookStatsResource(DeliveryUseCases deliveries) {
    this.deliveries = deliveries;
  }

  @GET
  public WebhookStatsResponse stats(@Context SecurityContext security, @PathParam("id") String id) {
    return WebhookStatsResponse.of(deliveries.stats(AuthenticatedActor.of(security), id));
  }
}
