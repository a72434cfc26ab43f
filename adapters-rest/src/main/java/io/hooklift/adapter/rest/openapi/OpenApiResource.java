package io.hooklift.adapter.rest.openapi;

import io.hooklift.adapter.rest.security.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v0/openapi.json}, open to anyone: it describes what exists, never what is stored.
 * Generated on first use, then served from memory (the resources cannot change while running).
 */
@Path("/api/v0/openapi.json")
@PublicEndpoint
@Singleton
public final class OpenApiResource {

  /** Follows the API's own version in its paths. */
  static final String VERSION = "v0";

  private final ApiResources resources;
  private volatile String document;

  @Inject
  public OpenApiResource(ApiResources resources) {
    this.resources = resources;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "This API's OpenAPI 3 document")
  @ApiResponse(
      responseCode = "200",
      description = "The OpenAPI document",
      content = @Content(mediaType = MediaType.APPLICATION_JSON))
  public String document() {
    String generated = document;
    if (generated == null) {
      synchronized (this) {
        if (document == null) {
          document = OpenApiDocument.json(resources.classes(), VERSION);
        }
        generated = document;
      }
    }
    return generated;
  }
}
