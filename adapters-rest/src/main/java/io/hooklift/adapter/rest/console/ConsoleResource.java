package io.hooklift.adapter.rest.console;

import io.hooklift.adapter.rest.console.StaticFiles.StaticFile;
import io.hooklift.adapter.rest.security.PublicEndpoint;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The web console's files: its one page at {@code /}, its modules and stylesheet under {@code
 * /console/}, and swagger-ui's bundle under {@code /webjars/swagger-ui/}. They hold no data (the
 * page fetches everything from the API with the user's session), so anyone may load them.
 */
@Path("/")
@PublicEndpoint
@Hidden
@Singleton
public final class ConsoleResource {

  private final StaticFiles files = new StaticFiles();
  private final String swaggerUiVersion = SwaggerUi.version();

  @GET
  public Response page(@Context Request request) {
    return send(files.get("console/index.html"), request);
  }

  @GET
  @Path("console/{file: [a-z0-9-]+\\.(js|css|svg|png)}")
  public Response file(@PathParam("file") String file, @Context Request request) {
    return send(files.get("console/" + file), request);
  }

  @GET
  @Path("webjars/swagger-ui/{file}")
  public Response swaggerUi(@PathParam("file") String file, @Context Request request) {
    if (!SwaggerUi.SERVED.contains(file)) {
      throw new NotFoundException();
    }
    return send(files.get(SwaggerUi.location(file, swaggerUiVersion)), request);
  }

  private static Response send(Optional<StaticFile> found, Request request) {
    StaticFile file = found.orElseThrow(NotFoundException::new);
    EntityTag tag = new EntityTag(file.etag());
    CacheControl revalidate = new CacheControl();
    revalidate.setNoCache(true);
    Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
    if (unchanged != null) {
      return unchanged.cacheControl(revalidate).build();
    }
    return Response.ok(file.bytes(), file.contentType()).tag(tag).cacheControl(revalidate).build();
  }
}
