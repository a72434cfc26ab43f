package io.hooklift.bootstrap.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/v0/events}: pages in commit order by cursor, a long-poll that returns as soon as
 * an event commits, a Server-Sent Events stream that resumes after {@code Last-Event-ID} without a
 * gap or a duplicate, and the webhook lists' visibility rules.
 */
class EventFeedTest {

  @TempDir static Path dataDir;
  static RunningHooklift hooklift;
  static HookliftClient api;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    hooklift = RunningHooklift.start(dataDir);
    api = hooklift.api();
    api.organization("feed");
    api.repository("feed", "app");
    api.post(
            "/api/v0/accounts",
            Map.of("name", "reader", "type", "user", "password", "reader-password-1"))
        .expect(201);
  }

  @AfterAll
  static void stop() {
    hooklift.close();
  }

  private static String push(String tag) {
    return api.publish("TAG_PUSH", SampleEvents.contents("TAG_PUSH", "feed", "app", tag));
  }

  private static JsonNode page(String query) {
    return api.get("/api/v0/events?key=feed" + query).expect(200).json();
  }

  private static List<String> tags(JsonNode page) {
    List<String> tags = new ArrayList<>();
    page.path("events")
        .forEach(e -> tags.add(e.path("event").path("contents").path("tag").asText()));
    return tags;
  }

  @Test
  void pages_followCommitOrder_andTheCursorContinuesWithoutGapOrRepeat() {
    String start = page("&after=latest").path("cursor").asText();
    push("p1");
    push("p2");
    push("p3");

    JsonNode first = page("&types=TAG_PUSH&limit=2&after=" + start);
    JsonNode second = page("&types=TAG_PUSH&limit=2&after=" + first.path("cursor").asText());

    assertThat(tags(first)).containsExactly("p1", "p2");
    assertThat(tags(second)).containsExactly("p3");
    assertThat(first.path("events").get(0).path("type").asText()).isEqualTo("TAG_PUSH");
    assertThat(first.path("events").get(0).path("event").path("location").isTextual()).isTrue();
    assertThat(page("&after=" + second.path("cursor").asText()).path("events")).isEmpty();
  }

  @Test
  void aLongPoll_returnsAsSoonAsAnEventCommits() throws Exception {
    String cursor = page("&after=latest").path("cursor").asText();
    CompletableFuture<JsonNode> waiting =
        CompletableFuture.supplyAsync(() -> page("&wait=20s&after=" + cursor));
    Thread.sleep(300);
    assertThat(waiting).isNotDone();

    long pushed = System.nanoTime();
    push("waited-for");
    JsonNode got = waiting.get(10, TimeUnit.SECONDS);

    assertThat(tags(got)).containsExactly("waited-for");
    assertThat(Duration.ofNanos(System.nanoTime() - pushed)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void sse_streamsEvents_andResumesAfterLastEventIdWithoutGapOrDuplicate() throws Exception {
    String cursor = page("&after=latest").path("cursor").asText();
    push("s1");
    push("s2");
    List<String[]> firstPart = readSse("after=" + cursor, null, 2);
    push("s3");
    push("s4");
    String lastId = firstPart.get(firstPart.size() - 1)[0];
    List<String[]> resumed = readSse("after=0", lastId, 2);

    assertThat(firstPart.stream().map(e -> e[1]).toList()).containsOnly("TAG_PUSH");
    assertThat(tagsOf(firstPart)).containsExactly("s1", "s2");
    assertThat(tagsOf(resumed)).as("Last-Event-ID wins over after").containsExactly("s3", "s4");
  }

  @Test
  void visibility_followsTheWebhookLists() {
    HookliftClient reader = api.as("reader", "reader-password-1");

    JsonNode noKey = reader.get("/api/v0/events").expect(400).json();
    assertThat(noKey.toString()).contains("\"field\":\"key\"");
    // As the webhook lists: seen but not administered is 403, not seen at all is 404.
    assertThat(reader.get("/api/v0/events?key=feed").status())
        .isEqualTo(reader.get("/api/v0/repositories/feed/webhooks").status())
        .isEqualTo(403);
    assertThat(reader.get("/api/v0/events?key=feed/app").status())
        .isEqualTo(reader.get("/api/v0/repositories/feed/app/webhooks").status())
        .isEqualTo(403);
    reader.get("/api/v0/events?key=nobody").expect(404);
    api.get("/api/v0/events?after=x").expect(400);
    api.get("/api/v0/events?types=NOPE").expect(400);
    api.get("/api/v0/events?wait=5m").expect(400);
    api.get("/api/v0/events").expect(200); // a system admin may read everything
  }

  @Test
  void withoutAnAcceptHeader_theAnswerIsAJsonPage_notAStream() throws Exception {
    HttpResponse<String> page =
        HTTP.send(
            HttpRequest.newBuilder(hooklift.baseUri().resolve("/api/v0/events?after=latest"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", adminAuthorization())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type"))
        .get()
        .asString()
        .startsWith("application/json");
  }

  private static List<String> tagsOf(List<String[]> events) throws Exception {
    List<String> tags = new ArrayList<>();
    for (String[] e : events) {
      tags.add(HookliftClient.JSON.readTree(e[2]).path("contents").path("tag").asText());
    }
    return tags;
  }

  private static String adminAuthorization() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                ("admin:" + HookliftClient.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  /** Reads {@code count} events of the stream ({id, event, data}), then disconnects. */
  private static List<String[]> readSse(String query, String lastEventId, int count)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(hooklift.baseUri().resolve("/api/v0/events?key=feed&" + query))
            .header("Accept", "text/event-stream")
            .header("Authorization", adminAuthorization());
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<java.io.InputStream> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .get()
        .asString()
        .startsWith("text/event-stream");
    List<String[]> events = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String id = null;
      String event = null;
      String line;
      while (events.size() < count && (line = lines.readLine()) != null) {
        if (line.startsWith("id: ")) {
          id = line.substring(4);
        } else if (line.startsWith("event: ")) {
          event = line.substring(7);
        } else if (line.startsWith("data: ")) {
          events.add(new String[] {id, event, line.substring(6)});
        }
      }
    }
    return events;
  }
}
