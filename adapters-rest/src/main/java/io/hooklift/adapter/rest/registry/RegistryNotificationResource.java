package io.hooklift.adapter.rest.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.hooklift.adapter.rest.error.ApiException;
import io.hooklift.adapter.rest.registry.NotificationEnvelopeParser.Parsed;
import io.hooklift.adapter.rest.security.PublicEndpoint;
import io.hooklift.application.port.StoreUnavailableException;
import io.hooklift.application.registry.RegistryNotificationUseCases;
import io.hooklift.application.registry.RegistryNotificationUseCases.Receipt;
import io.hooklift.domain.shared.DomainException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification endpoint a Distribution registry's {@code notifications.endpoints[].url} names.
 * It does not take Hooklift's Basic credentials: the registry can only send static headers, so it
 * authenticates with the configured bearer token, checked by {@link RegistryTokenFilter} before the
 * body is read.
 */
@Path(RegistryNotificationResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@PublicEndpoint
@RegistryTokenFilter.Required
@Singleton
public final class RegistryNotificationResource {

  public static final String PATH = "/api/v0/registry/notifications";

  private static final Logger LOG = LoggerFactory.getLogger(RegistryNotificationResource.class);

  /** What a registry sends; plain JSON is accepted too, for replays with curl. */
  static final String EVENTS_MEDIA_TYPE = "application/vnd.docker.distribution.events.v1+json";

  private final RegistryNotificationUseCases registry;

  @Inject
  public RegistryNotificationResource(RegistryNotificationUseCases registry) {
    this.registry = registry;
  }

  /**
   * 200 for everything stored, dropped or seen before: anything else stalls the registry's queue.
   */
  @POST
  @Consumes({EVENTS_MEDIA_TYPE, MediaType.APPLICATION_JSON})
  public NotificationReceipt receive(@Context ContainerRequestContext request, JsonNode body) {
    Parsed parsed = NotificationEnvelopeParser.parse(body);
    Receipt receipt =
        store((String) request.getProperty(RegistryTokenFilter.CHECKED_TOKEN), parsed);
    return new NotificationReceipt(
        receipt.events(), receipt.dropped() + parsed.unusable(), receipt.duplicates());
  }

  /**
   * Anything but a domain rule failing here means the events were not stored: a 503, so the
   * registry sends them again (it would after any non-2xx), and the log says why.
   */
  private Receipt store(String token, Parsed parsed) {
    try {
      return registry.receive(token, parsed.notifications());
    } catch (DomainException | StoreUnavailableException e) {
      throw e; // a database outage answers 503 with Retry-After, like every other request
    } catch (RuntimeException e) {
      String incident = UUID.randomUUID().toString();
      LOG.error(
          "registry events not stored; the registry will resend them (incident {})", incident, e);
      throw new ApiException(
          503,
          "EVENTS_NOT_STORED",
          "the registry's events could not be stored; send them again",
          Map.of("incident", incident));
    }
  }
}
