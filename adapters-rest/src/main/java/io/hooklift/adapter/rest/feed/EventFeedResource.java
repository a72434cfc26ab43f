package io.hooklift.adapter.rest.feed;

import io.hooklift.adapter.rest.security.AuthenticatedActor;
import io.hooklift.application.feed.EventFeedUseCases;
import io.hooklift.application.feed.EventFeedUseCases.FeedPage;
import io.hooklift.application.feed.EventFeedUseCases.FeedQuery;
import io.hooklift.domain.access.Actor;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code GET /api/v0/events?after=&types=&key=&wait=&limit=}: the event feed. As JSON, one page
 * (long-polling up to {@code wait}); with {@code Accept: text/event-stream}, a Server-Sent Events
 * stream that sends each event as it is committed ({@code id} is its cursor, {@code event} its
 * type, {@code data} the MSR envelope) and resumes after {@code Last-Event-ID} on reconnect. A
 * stream ends after {@value #STREAM_MINUTES} minutes; clients reconnect, as SSE clients do.
 */
@Path("/api/v0/events")
@Singleton
public final class EventFeedResource {

  static final long STREAM_MINUTES = 10;
  private static final Duration STREAM_WAIT = Duration.ofSeconds(20);

  private final EventFeedUseCases feed;

  @Inject
  public EventFeedResource(EventFeedUseCases feed) {
    this.feed = feed;
  }

  /**
   * JSON unless the client asks for the stream: {@code qs} ranks it first for {@code * /*}. OpenAPI
   * has one operation per path and verb, so this one describes both answers and {@link #stream}'s
   * header; the stream method itself is hidden from the document.
   */
  @GET
  @Produces("application/json;qs=1")
  @Parameter(
      name = "Last-Event-ID",
      in = ParameterIn.HEADER,
      description = "With Accept: text/event-stream: the cursor to resume after (wins over after)")
  @ApiResponse(
      responseCode = "200",
      description =
          "One page of events in commit order; with Accept: text/event-stream, a Server-Sent"
              + " Events stream (id: the cursor, event: the type, data: the MSR envelope)",
      content = {
        @Content(
            mediaType = "application/json",
            schema = @Schema(implementation = FeedResponse.class)),
        @Content(
            mediaType = "text/event-stream",
            schema = @Schema(type = "string", description = "Server-Sent Events"))
      })
  public FeedResponse page(
      @Context SecurityContext security,
      @QueryParam("after") String after,
      @QueryParam("types") String types,
      @QueryParam("key") String key,
      @QueryParam("wait") String wait,
      @QueryParam("limit") String limit) {
    Actor actor = AuthenticatedActor.of(security);
    return FeedResponse.of(feed.read(actor, FeedRequests.query(after, types, key, wait, limit)));
  }

  @GET
  @Produces("text/event-stream;qs=0.5")
  @Hidden
  public Response stream(
      @Context SecurityContext security,
      @HeaderParam("Last-Event-ID") String lastEventId,
      @QueryParam("after") String after,
      @QueryParam("types") String types,
      @QueryParam("key") String key) {
    Actor actor = AuthenticatedActor.of(security);
    String from = lastEventId == null || lastEventId.isBlank() ? after : lastEventId.strip();
    FeedQuery first = FeedRequests.query(from, types, key, "0s", null);
    // Read once before answering, so bad parameters and missing rights are a plain 4xx.
    FeedPage opening = feed.read(actor, first);
    StreamingOutput body =
        out -> {
          try {
            stream(out, actor, first, opening);
          } catch (IOException clientGone) {
            // The client disconnected; it resumes with Last-Event-ID when it comes back.
          }
        };
    return Response.ok(body, "text/event-stream")
        .header("Cache-Control", "no-store")
        .header("X-Accel-Buffering", "no")
        .build();
  }

  private void stream(OutputStream out, Actor actor, FeedQuery first, FeedPage opening)
      throws IOException {
    long until = System.nanoTime() + Duration.ofMinutes(STREAM_MINUTES).toNanos();
    write(out, "retry: 1000\n\n");
    FeedPage page = opening;
    while (true) {
      for (var item : page.items()) {
        write(
            out,
            "id: "
                + item.cursor()
                + "\nevent: "
                + item.type()
                + "\ndata: "
                + item.envelopeJson()
                + "\n\n");
      }
      if (page.items().isEmpty()) {
        write(out, ": waiting\n\n"); // also finds out early that the client has gone
      }
      if (System.nanoTime() >= until) {
        return;
      }
      FeedQuery next =
          new FeedQuery(
              java.util.Optional.of(Long.parseLong(page.cursor())),
              false,
              first.types(),
              first.key(),
              STREAM_WAIT,
              first.limit());
      page = feed.read(actor, next);
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
