package io.hooklift.adapter.rest.event;

import io.hooklift.adapter.rest.json.Bodies;
import io.hooklift.adapter.rest.security.AuthenticatedActor;
import io.hooklift.application.event.EventIntakeUseCases;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.event.EventContents;
import io.hooklift.domain.event.EventType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import java.util.UUID;

/** {@code POST /api/v0/events}: system admins (or their tokens) report registry events. */
@Path("/api/v0/events")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class EventResource {

  private final EventIntakeUseCases events;

  @Inject
  public EventResource(EventIntakeUseCases events) {
    this.events = events;
  }

  /** 202 with the event's id: it is stored, its deliveries are queued. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @ApiResponse(
      responseCode = "202",
      description = "Accepted",
      content = @Content(schema = @Schema(implementation = PublishedEventResponse.class)))
  public Response publish(@Context SecurityContext security, PublishEventRequest body) {
    Actor actor = AuthenticatedActor.of(security);
    Bodies.required(body);
    EventType type = EventType.parse(Bodies.requiredField("type", body.type()));
    EventContents contents =
        EventContentsParser.parse(type, ContentFields.root("contents", body.contents()));
    UUID id = events.publish(actor, type, contents, Optional.ofNullable(body.location()));
    return Response.accepted(new PublishedEventResponse(id.toString())).build();
  }
}
