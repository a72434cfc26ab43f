package io.hooklift.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hooklift.application.port.Deliveries;
import io.hooklift.application.port.Deliveries.RecordedAttempt;
import io.hooklift.domain.delivery.AttemptResult;
import io.hooklift.domain.delivery.AttemptResult.AttemptError;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.delivery.RetrySchedule;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A webhook's delivery log over HTTP: list, inspect with attempts, redeliver, recover. The engine
 * does not run here, so attempts are staged through the delivery port as the engine would record
 * them.
 */
class DeliveryApiTest extends ApiTestBase {

  static final List<String> DELIVERY_FIELDS =
      List.of(
          "id",
          "webhookID",
          "eventID",
          "messageID",
          "status",
          "attempts",
          "createdAt",
          "nextAttemptAt",
          "lastStatusCode");
  private static final AtomicInteger REPOSITORIES = new AtomicInteger();

  /**
   * A new repository with an admin's TAG_PUSH webhook on it and {@code events} events published
   * there.
   */
  private String webhookWithDeliveries(int events) {
    String name = "log-" + REPOSITORIES.incrementAndGet();
    world
        .admin
        .post("/api/v0/repositories/" + SeedWorld.ORG, "{\"name\":\"" + name + "\"}")
        .expect(201);
    String hook =
        world
            .admin
            .post(
                "/api/v0/webhooks",
                SeedWorld.webhookBody(
                    "TAG_PUSH", SeedWorld.ORG + "/" + name, "https://receiver.example/hook"))
            .expect(201)
            .get("id")
            .asText();
    for (int i = 0; i < events; i++) {
      world
          .admin
          .post(
              "/api/v0/events", EventBodies.breaking("TAG_PUSH", "repository", "\"" + name + "\""))
          .expect(202);
    }
    return hook;
  }

  private JsonNode list(String hook, String query) {
    return world.admin.get("/api/v0/webhooks/" + hook + "/deliveries" + query).expect(200);
  }

  /** Records an attempt as the engine does: the delivery's state after it, and one log row. */
  private void attempt(
      String deliveryId,
      int status,
      Optional<AttemptError> error,
      Optional<String> ip,
      Optional<Duration> retryAfter) {
    AttemptResult result =
        new AttemptResult(
            TestServer.NOW,
            Duration.ofNanos(1_500_000),
            status,
            error,
            ip,
            status == 0 ? "" : "answer " + status,
            retryAfter);
    Deliveries deliveries = server.ports.deliveries();
    server
        .ports
        .unitOfWork()
        .inTransaction(
            () -> {
              Delivery delivery = deliveries.byId(UUID.fromString(deliveryId)).orElseThrow();
              Delivery after =
                  delivery
                      .afterAttempt(result, RetrySchedule.standard(), TestServer.NOW, () -> 0.5)
                      .delivery();
              deliveries.record(List.of(new RecordedAttempt(after, result)));
              return after;
            });
  }

  @Test
  void list_isAJsonArrayOfDeliveriesWithTheirFields() {
    String hook = webhookWithDeliveries(3);

    var response = world.admin.get("/api/v0/webhooks/" + hook + "/deliveries");
    JsonNode all = response.expect(200);

    assertThat(all.isArray()).isTrue();
    assertThat(all).hasSize(3);
    assertThat(response.header("X-Next-Page-Start")).isEmpty();
    for (JsonNode d : all) {
      assertThat(SeedScenarioTest.fieldNames(d)).containsExactlyElementsOf(DELIVERY_FIELDS);
      assertThat(d.get("webhookID").asText()).isEqualTo(hook);
      assertThat(d.get("messageID").asText())
          .isEqualTo("msg_" + d.get("id").asText().replace("-", ""));
      assertThat(d.get("status").asText()).isEqualTo("pending");
      assertThat(d.get("attempts").isInt()).isTrue();
      assertThat(d.get("createdAt").asText()).isEqualTo("2019-05-22T01:55:20.471286995Z");
      assertThat(d.get("nextAttemptAt").asText()).isEqualTo("2019-05-22T01:55:20.471286995Z");
      assertThat(d.get("lastStatusCode").asInt()).isZero();
    }
    assertThat(all.findValuesAsText("eventID")).doesNotHaveDuplicates();
  }

  @Test
  void list_pagesWithNextPageStartAndRefusesBadParameters() {
    String hook = webhookWithDeliveries(3);

    var first = world.admin.get("/api/v0/webhooks/" + hook + "/deliveries?pageSize=2");
    assertThat(first.expect(200)).hasSize(2);
    String next = first.header("X-Next-Page-Start").orElseThrow();
    var second =
        world.admin.get("/api/v0/webhooks/" + hook + "/deliveries?pageSize=2&pageStart=" + next);
    assertThat(second.expect(200)).hasSize(1);
    assertThat(second.json().get(0).get("id").asText()).isEqualTo(next);
    assertThat(second.header("X-Next-Page-Start")).isEmpty();

    world
        .admin
        .get("/api/v0/webhooks/" + hook + "/deliveries?status=lost")
        .expectInvalidField("status");
    world
        .admin
        .get("/api/v0/webhooks/" + hook + "/deliveries?status=PENDING")
        .expectInvalidField("status");
    world
        .admin
        .get("/api/v0/webhooks/" + hook + "/deliveries?pageSize=0")
        .expectInvalidField("pageSize");
  }

  @Test
  void givenStagedAttempts_getShowsEveryAttemptOldestFirst_andStatusFiltersApply() {
    String hook = webhookWithDeliveries(2);
    JsonNode all = list(hook, "");
    String id = all.get(0).get("id").asText();
    attempt(
        id,
        503,
        Optional.empty(),
        Optional.of("203.0.113.7"),
        Optional.of(Duration.ofMillis(30_500)));
    attempt(id, 200, Optional.empty(), Optional.of("203.0.113.7"), Optional.empty());

    JsonNode log = world.admin.get("/api/v0/webhooks/" + hook + "/deliveries/" + id).expect(200);

    List<String> fields = new java.util.ArrayList<>(DELIVERY_FIELDS);
    fields.add("attemptLog");
    assertThat(SeedScenarioTest.fieldNames(log)).containsExactlyElementsOf(fields);
    assertThat(log.get("status").asText()).isEqualTo("delivered");
    assertThat(log.get("attempts").asInt()).isEqualTo(2);
    assertThat(log.get("lastStatusCode").asInt()).isEqualTo(200);
    JsonNode attempts = log.get("attemptLog");
    assertThat(attempts).hasSize(2);
    JsonNode retried = attempts.get(0);
    assertThat(SeedScenarioTest.fieldNames(retried))
        .containsExactly(
            "number",
            "startedAt",
            "durationMs",
            "statusCode",
            "error",
            "resolvedIP",
            "response",
            "retryAfterSeconds");
    assertThat(retried.get("number").asInt()).isEqualTo(1);
    assertThat(retried.get("startedAt").asText()).isEqualTo("2019-05-22T01:55:20.471286995Z");
    assertThat(retried.get("durationMs").isNumber()).isTrue();
    assertThat(retried.get("durationMs").asDouble()).isEqualTo(1.5);
    assertThat(retried.get("statusCode").asInt()).isEqualTo(503);
    assertThat(retried.get("error").isNull()).isTrue();
    assertThat(retried.get("resolvedIP").asText()).isEqualTo("203.0.113.7");
    assertThat(retried.get("response").asText()).isEqualTo("answer 503");
    assertThat(retried.get("retryAfterSeconds").asDouble()).isEqualTo(30.5);
    assertThat(attempts.get(1).get("number").asInt()).isEqualTo(2);
    assertThat(attempts.get(1).get("retryAfterSeconds").isNull()).isTrue();

    assertThat(list(hook, "?status=delivered").findValuesAsText("id")).containsExactly(id);
    assertThat(list(hook, "?status=pending").findValuesAsText("id"))
        .containsExactly(all.get(1).get("id").asText());
    assertThat(list(hook, "?status=failed")).isEmpty();
    assertThat(
            world
                .admin
                .get("/api/v0/webhooks/" + hook + "/deliveries/" + all.get(1).get("id").asText())
                .expect(200)
                .get("attemptLog"))
        .isEmpty();
  }

  @Test
  void givenAFailedDelivery_recoverSinceBeforeIt_requeuesIt() {
    String hook = webhookWithDeliveries(2);
    String id = list(hook, "").get(0).get("id").asText();
    attempt(id, 0, Optional.of(AttemptError.EGRESS_DENIED), Optional.empty(), Optional.empty());
    JsonNode failed = world.admin.get("/api/v0/webhooks/" + hook + "/deliveries/" + id).expect(200);
    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.get("attemptLog").get(0).get("error").asText()).isEqualTo("EGRESS_DENIED");
    assertThat(failed.get("attemptLog").get(0).get("resolvedIP").isNull()).isTrue();
    assertThat(failed.get("attemptLog").get(0).get("statusCode").asInt()).isZero();

    String recover = "/api/v0/webhooks/" + hook + "/recover";
    assertThat(
            world
                .admin
                .post(recover, "{\"since\":\"2019-05-23T00:00:00+02:00\"}")
                .expect(202)
                .toString())
        .isEqualTo("{\"requeued\":0}");
    assertThat(
            world
                .admin
                .post(recover, "{\"since\":\"2019-05-22T00:00:00Z\"}")
                .expect(202)
                .toString())
        .isEqualTo("{\"requeued\":1}");

    assertThat(list(hook, "?status=failed")).isEmpty();
    assertThat(list(hook, "?status=pending")).hasSize(2);
    assertThat(
            world
                .admin
                .post(recover, "{\"since\":\"2019-05-22T00:00:00Z\"}")
                .expect(202)
                .get("requeued")
                .asInt())
        .isZero();
  }

  @Test
  void recoverWithoutAValidSince_isRefusedNamingSince() {
    String recover = "/api/v0/webhooks/" + webhookWithDeliveries(0) + "/recover";
    world.admin.post(recover, "{}").expectInvalidField("since");
    world.admin.post(recover, "{\"since\":\"yesterday\"}").expectInvalidField("since");
    world.admin.post(recover, "{\"since\":1558490120}").expectInvalidField("since");
    world.admin.post(recover, "").expectError(400, "INVALID_JSON");
  }

  @Test
  void redeliver_makesTheDeliveryPendingAgainWithTheSameMessageId() {
    String hook = webhookWithDeliveries(1);
    String id = list(hook, "").get(0).get("id").asText();
    attempt(id, 200, Optional.empty(), Optional.of("203.0.113.7"), Optional.empty());
    String redeliver = "/api/v0/webhooks/" + hook + "/deliveries/" + id + "/redeliver";

    JsonNode again = world.admin.send("POST", redeliver, null, BodyPublishers.noBody()).expect(202);

    assertThat(SeedScenarioTest.fieldNames(again)).containsExactlyElementsOf(DELIVERY_FIELDS);
    assertThat(again.get("id").asText()).isEqualTo(id);
    assertThat(again.get("status").asText()).isEqualTo("pending");
    assertThat(again.get("attempts").asInt()).isEqualTo(1);
    assertThat(again.get("messageID").asText()).isEqualTo("msg_" + id.replace("-", ""));
    assertThat(world.admin.post(redeliver, "{}").expect(202).get("id").asText()).isEqualTo(id);
    assertThat(world.testUser.post(redeliver, "").status())
        .as("neither its author nor an admin of its repository")
        .isEqualTo(404);
  }

  @Test
  void unknownDeliveries_areNotFound() {
    String hook = webhookWithDeliveries(0);
    String other = webhookWithDeliveries(1);
    String foreign = list(other, "").get(0).get("id").asText();
    for (String id : List.of(foreign, UUID.randomUUID().toString(), "not-a-uuid")) {
      world
          .admin
          .get("/api/v0/webhooks/" + hook + "/deliveries/" + id)
          .expectError(404, "NO_SUCH_DELIVERY");
      world
          .admin
          .post("/api/v0/webhooks/" + hook + "/deliveries/" + id + "/redeliver", "{}")
          .expectError(404, "NO_SUCH_DELIVERY");
    }
    world
        .admin
        .get("/api/v0/webhooks/" + "0".repeat(64) + "/deliveries")
        .expectError(404, "NO_SUCH_WEBHOOK");
  }
}
