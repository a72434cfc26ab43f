package io.hooklift.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * {@code POST /api/v0/events}: every type's seed-like contents are accepted and queue one delivery
 * per matching webhook; malformed contents are refused naming the field, and store nothing.
 */
class EventIntakeTest extends ApiTestBase {

  private final Map<String, String> webhookOf = new HashMap<>();

  @BeforeAll
  void subscribeToEveryType() {
    for (String type : EventBodies.TYPES) {
      String key =
          type.startsWith("REPO_")
              ? SeedWorld.ORG
              : type.startsWith("SCANNER_") ? null : SeedWorld.REPO;
      String body =
          key == null
              ? "{\"type\":\"" + type + "\",\"endpoint\":\"https://hooks.example/" + type + "\"}"
              : SeedWorld.webhookBody(type, key, "https://hooks.example/" + type);
      webhookOf.put(
          type, world.admin.post("/api/v0/webhooks", body).expect(201).get("id").asText());
    }
  }

  private JsonNode deliveriesOf(String type) {
    return world
        .admin
        .get("/api/v0/webhooks/" + webhookOf.get(type) + "/deliveries?pageSize=100")
        .expect(200);
  }

  private List<JsonNode> deliveriesOfEvent(String type, String eventId) {
    return StreamSupport.stream(deliveriesOf(type).spliterator(), false)
        .filter(d -> d.get("eventID").asText().equals(eventId))
        .toList();
  }

  @ParameterizedTest
  @FieldSource("io.hooklift.adapter.rest.EventBodies#TYPES")
  void givenMatchingWebhook_publishingSeedContents_isAcceptedAndQueuesOnePendingDelivery(
      String type) {
    JsonNode accepted = world.admin.post("/api/v0/events", EventBodies.body(type)).expect(202);

    assertThat(SeedScenarioTest.fieldNames(accepted)).containsExactly("id");
    String eventId = accepted.get("id").asText();
    assertThat(eventId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    List<JsonNode> deliveries = deliveriesOfEvent(type, eventId);
    assertThat(deliveries).hasSize(1);
    JsonNode delivery = deliveries.get(0);
    assertThat(delivery.get("webhookID").asText()).isEqualTo(webhookOf.get(type));
    assertThat(delivery.get("status").asText()).isEqualTo("pending");
    assertThat(delivery.get("attempts").asInt()).isZero();
    assertThat(delivery.get("createdAt").asText()).isEqualTo("2019-05-22T01:55:20.471286995Z");
  }

  @Test
  void unknownFieldsAndATagOnAManifestEvent_areIgnored() {
    String contents =
        EventBodies.contents("MANIFEST_PUSH")
            .replaceFirst("\\{", "{\"tag\":\"latest\",\"extra\":{\"x\":[1]},");
    String body =
        "{\"type\":\"MANIFEST_PUSH\",\"contents\":"
            + contents
            + ",\"location\":\"/custom\",\"more\":1}";

    String eventId = world.admin.post("/api/v0/events", body).expect(202).get("id").asText();

    assertThat(deliveriesOfEvent("MANIFEST_PUSH", eventId)).hasSize(1);
  }

  @Test
  void absentOsArchitectureAndAuthor_areAccepted() {
    String body = EventBodies.breaking("TAG_PUSH", "os", null);
    String withoutAll =
        body.replace(",\"architecture\":\"amd64\"", "").replace(",\"author\":\"test-user\"", "");
    world.admin.post("/api/v0/events", withoutAll).expect(202);
  }

  @Test
  void givenUserWhoIsNoSystemAdmin_publishing_isForbiddenAndStoresNothing() {
    int before = deliveriesOf("TAG_PUSH").size();
    world
        .testUser
        .post("/api/v0/events", EventBodies.body("TAG_PUSH"))
        .expectError(403, "NOT_AUTHORIZED");
    ApiClient.anonymous(server)
        .post("/api/v0/events", EventBodies.body("TAG_PUSH"))
        .expectError(401, "NOT_AUTHENTICATED");
    assertThat(deliveriesOf("TAG_PUSH")).hasSize(before);
  }

  @ParameterizedTest(name = "{0} {1}={2} -> {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "ABSENT",
      textBlock =
          """
      TAG_PUSH        | tag                          | ABSENT             | contents.tag
      TAG_PUSH        | tag                          | 5                  | contents.tag
      TAG_PUSH        | digest                       | ABSENT             | contents.digest
      TAG_PUSH        | os                           | 5                  | contents.os
      TAG_PUSH        | author                       | false              | contents.author
      TAG_PUSH        | pushedAt                     | '"yesterday"'      | contents.pushedAt
      TAG_PUSH        | pushedAt                     | 1558490120         | contents.pushedAt
      TAG_PUSH        | namespace                    | '"Maria-TestOrg"'  | contents.namespace
      TAG_PUSH        | repository                   | '"lab..words"'     | contents.repository
      TAG_PUSH        | repository                   | ABSENT             | contents.repository
      TAG_PULL        | pulledAt                     | ABSENT             | contents.pulledAt
      MANIFEST_DELETE | deletedAt                    | '"2019-05-22"'     | contents.deletedAt
      SCAN_COMPLETED  | scanSummary.critical         | '"1"'              | contents.scanSummary.critical
      SCAN_COMPLETED  | scanSummary.major            | -1                 | contents.scanSummary.major
      SCAN_COMPLETED  | scanSummary.minor            | 1.5                | contents.scanSummary.minor
      SCAN_COMPLETED  | scanSummary.last_scan_status | 7                  | contents.scanSummary.last_scan_status
      SCAN_COMPLETED  | scanSummary.check_completed_at | ABSENT           | contents.scanSummary.check_completed_at
      SCAN_COMPLETED  | scanSummary                  | '[]'               | contents.scanSummary
      SCAN_COMPLETED  | scanSummary                  | ABSENT             | contents.scanSummary
      SCAN_FAILED     | error                        | ABSENT             | contents.error
      PROMOTION       | promotion.sourceTag          | true               | contents.promotion.sourceTag
      PROMOTION       | promotion                    | ABSENT             | contents.promotion
      PUSH_MIRRORING  | mirroring.digest             | ABSENT             | contents.mirroring.digest
      POLL_MIRRORING  | mirroring                    | '"m-1"'            | contents.mirroring
      REPO_CREATED    | data.name                    | '"other-words"'    | contents.data.name
      REPO_CREATED    | data.namespace               | '"someone-else"'   | contents.data.namespace
      REPO_UPDATED    | data.id                      | '"not-a-uuid"'     | contents.data.id
      REPO_UPDATED    | data.visibility              | '"secret"'         | contents.data.visibility
      REPO_UPDATED    | data.namespaceType           | '"team"'           | contents.data.namespaceType
      REPO_DELETED    | data.tagLimit                | 1.5                | contents.data.tagLimit
      REPO_DELETED    | data.tagLimit                | 100001             | contents.data.tagLimit
      REPO_DELETED    | data.scanOnPush              | '"yes"'            | contents.data.scanOnPush
      REPO_DELETED    | data                         | ABSENT             | contents.data
      SCANNER_UPDATE_COMPLETED | success             | '"true"'           | contents.success
      SCANNER_UPDATE_COMPLETED | db_version          | '"108"'            | contents.db_version
      SCANNER_UPDATE_COMPLETED | scanner_updated_at  | ABSENT             | contents.scanner_updated_at
      SCANNER_UPDATE_COMPLETED | replicas.r1.version | ABSENT             | contents.replicas.r1.version
      SCANNER_UPDATE_COMPLETED | replicas.r1         | 1                  | contents.replicas.r1
      """)
  void malformedContents_areRefusedNamingTheFieldAndStoreNothing(
      String type, String path, String value, String field) {
    int before = deliveriesOf(type).size();

    world
        .admin
        .post("/api/v0/events", EventBodies.breaking(type, path, value))
        .expectInvalidField(field);

    assertThat(deliveriesOf(type)).hasSize(before);
  }

  @Test
  void malformedEnvelopes_areRefusedNamingTheField() {
    int before = deliveriesOf("TAG_PUSH").size();
    world
        .admin
        .post("/api/v0/events", "{\"contents\":" + EventBodies.contents("TAG_PUSH") + "}")
        .expectInvalidField("type");
    world
        .admin
        .post("/api/v0/events", EventBodies.body("TAG_SHOVE", EventBodies.contents("TAG_PUSH")))
        .expectInvalidField("type");
    world.admin.post("/api/v0/events", "{\"type\":\"TAG_PUSH\"}").expectInvalidField("contents");
    world
        .admin
        .post("/api/v0/events", "{\"type\":\"TAG_PUSH\",\"contents\":null}")
        .expectInvalidField("contents");
    world
        .admin
        .post("/api/v0/events", "{\"type\":\"TAG_PUSH\",\"contents\":\"tag\"}")
        .expectInvalidField("contents");
    world.admin.post("/api/v0/events", withLocation("5")).expectInvalidField("location");
    world
        .admin
        .post("/api/v0/events", withLocation("\"a\\u0000b\""))
        .expectInvalidField("location");
    world.admin.post("/api/v0/events", "").expectError(400, "INVALID_JSON");
    world.admin.post("/api/v0/events", "[]").expectError(400, "INVALID_JSON");
    assertThat(deliveriesOf("TAG_PUSH")).hasSize(before);
  }

  private static String withLocation(String json) {
    String body = EventBodies.body("TAG_PUSH");
    return body.substring(0, body.length() - 1) + ",\"location\":" + json + "}";
  }

  @Test
  void eventForAnotherRepository_queuesNothingForThisRepositorysWebhook() {
    world
        .admin
        .post("/api/v0/repositories/" + SeedWorld.ORG, "{\"name\":\"other-words\"}")
        .expect(201);
    int before = deliveriesOf("TAG_PUSH").size();
    String other = EventBodies.breaking("TAG_PUSH", "repository", "\"other-words\"");

    world.admin.post("/api/v0/events", other).expect(202);

    assertThat(deliveriesOf("TAG_PUSH")).hasSize(before);
  }
}
