package io.hooklift.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Filters, payload format and custom headers as fields of the webhook API: validated like MSR's
 * fields, shown by GET (header values never), changed by PATCH; a webhook that uses none of them
 * looks exactly as MSR's.
 */
class WebhookFiltersApiTest extends ApiTestBase {

  private static final String HOOKS = "/api/v0/webhooks";

  /** MSR's fields, in MSR's order. */
  private static final List<String> MSR_FIELDS = SeedScenarioTest.SEED_FIELDS;

  @Test
  void aPlainMsrWebhook_showsOnlyMsrFields_onCreateGetListAndPatch() {
    JsonNode created = world.admin.post(HOOKS, SeedWorld.seedWebhookBody()).expect(201);
    List<String> withSecret = new ArrayList<>(MSR_FIELDS);
    withSecret.add("secret");
    assertThat(names(created)).containsExactlyElementsOf(withSecret);
    String id = created.get("id").asText();

    assertThat(names(world.admin.get(HOOKS + "/" + id).expect(200)))
        .containsExactlyElementsOf(MSR_FIELDS);
    for (JsonNode listed : world.admin.get(HOOKS).expect(200)) {
      if (listed.get("id").asText().equals(id)) {
        assertThat(names(listed)).containsExactlyElementsOf(MSR_FIELDS);
      }
    }
    assertThat(
            names(
                world
                    .admin
                    .patch(HOOKS + "/" + id, "{\"endpoint\":\"https://example.com/x\"}")
                    .expect(200)))
        .containsExactlyElementsOf(MSR_FIELDS);
  }

  @Test
  void filtersFormatAndHeaders_areShownByGet_headerValuesNever() {
    JsonNode created =
        world
            .admin
            .post(
                HOOKS,
                "{\"type\":\"TAG_PUSH\",\"key\":\"maria-testorg\",\"endpoint\":\"https://example.com/hook\","
                    + "\"filters\":{\"tags\":[\"v*\",\"!*-rc*\"],\"platforms\":[\"linux/arm64\"],"
                    + "\"mediaTypes\":[\"application/vnd.oci.*\"],\"newDigestOnly\":true},"
                    + "\"payloadFormat\":\"cloudevents\","
                    + "\"headers\":{\"Authorization\":\"Bearer very-secret-value\"}}")
            .expect(201);
    String id = created.get("id").asText();
    JsonNode shown = world.admin.get(HOOKS + "/" + id).expect(200);

    assertThat(shown.get("filters").toString())
        .isEqualTo(
            "{\"tags\":[\"v*\",\"!*-rc*\"],\"platforms\":[\"linux/arm64\"],"
                + "\"mediaTypes\":[\"application/vnd.oci.*\"],\"newDigestOnly\":true}");
    assertThat(shown.get("payloadFormat").asText()).isEqualTo("cloudevents");
    assertThat(shown.get("headerNames").toString()).isEqualTo("[\"Authorization\"]");
    assertThat(shown.toString()).doesNotContain("very-secret-value");
    assertThat(created.toString()).doesNotContain("very-secret-value");
  }

  @Test
  void patch_replacesFilters_mergesHeaders_andAnEmptyFilterObjectClearsThem() {
    String id =
        world
            .admin
            .post(
                HOOKS,
                "{\"type\":\"SCAN_COMPLETED\",\"key\":\"maria-testorg/lab-words\","
                    + "\"endpoint\":\"https://example.com/hook\",\"filters\":{\"tags\":[\"v*\"]},"
                    + "\"headers\":{\"X-One\":\"1\",\"X-Two\":\"2\"}}")
            .expect(201)
            .get("id")
            .asText();

    JsonNode patched =
        world
            .admin
            .patch(
                HOOKS + "/" + id,
                "{\"filters\":{\"minSeverity\":\"major\"},\"headers\":{\"X-One\":null,\"X-Three\":\"3\"},"
                    + "\"payloadFormat\":\"slack\"}")
            .expect(200);
    assertThat(patched.get("filters").toString()).isEqualTo("{\"minSeverity\":\"major\"}");
    assertThat(patched.get("headerNames").toString()).isEqualTo("[\"X-Two\",\"X-Three\"]");
    assertThat(patched.get("payloadFormat").asText()).isEqualTo("slack");

    JsonNode cleared =
        world
            .admin
            .patch(HOOKS + "/" + id, "{\"filters\":{},\"payloadFormat\":\"msr\"}")
            .expect(200);
    assertThat(cleared.has("filters")).isFalse();
    assertThat(cleared.has("payloadFormat")).isFalse();
    assertThat(world.admin.get(HOOKS + "/" + id).expect(200).has("filters")).isFalse();
  }

  @Test
  void badFilters_are400sNamingTheField_andCreateNothing() {
    int before = world.admin.get(HOOKS).expect(200).size();
    expectInvalid("{\"filters\":{\"tags\":[\"v*\",\"v[0-9]\"]}}", "TAG_PUSH", "filters.tags[1]");
    expectInvalid("{\"filters\":{\"tags\":[\"!\"]}}", "TAG_PUSH", "filters.tags[0]");
    expectInvalid("{\"filters\":{\"tags\":\"v*\"}}", "TAG_PUSH", "filters.tags");
    expectInvalid("{\"filters\":{\"tags\":[5]}}", "TAG_PUSH", "filters.tags[0]");
    expectInvalid("{\"filters\":{\"platforms\":[\"linux\"]}}", "TAG_PUSH", "filters.platforms[0]");
    expectInvalid("{\"filters\":{\"tag\":[\"v*\"]}}", "TAG_PUSH", "filters.tag");
    expectInvalid(
        "{\"filters\":{\"minSeverity\":\"severe\"}}", "SCAN_COMPLETED", "filters.minSeverity");
    expectInvalid("{\"filters\":{\"minSeverity\":\"major\"}}", "TAG_PUSH", "filters.minSeverity");
    expectInvalid("{\"filters\":{\"newDigestOnly\":\"yes\"}}", "TAG_PUSH", "filters.newDigestOnly");
    expectInvalid("{\"filters\":{\"tags\":[\"v*\"]}}", "MANIFEST_PUSH", "filters.tags");
    expectInvalid("{\"filters\":[]}", "TAG_PUSH", "filters");
    expectInvalid("{\"payloadFormat\":\"xml\"}", "TAG_PUSH", "payloadFormat");
    expectInvalid("{\"headers\":{\"Host\":\"evil\"}}", "TAG_PUSH", "headers.Host");
    expectInvalid(
        "{\"headers\":{\"webhook-signature\":\"v1,x\"}}", "TAG_PUSH", "headers.webhook-signature");
    expectInvalid("{\"headers\":{\"Connection\":\"close\"}}", "TAG_PUSH", "headers.Connection");
    expectInvalid("{\"headers\":{\"X-A\":\"a\\r\\nX-B: b\"}}", "TAG_PUSH", "headers.X-A");
    expectInvalid("{\"headers\":{\"Bad Name\":\"a\"}}", "TAG_PUSH", "headers.Bad Name");
    StringBuilder eleven = new StringBuilder("{\"headers\":{");
    for (int i = 0; i < 11; i++) {
      eleven.append(i == 0 ? "" : ",").append("\"X-H").append(i).append("\":\"v\"");
    }
    expectInvalid(eleven.append("}}").toString(), "TAG_PUSH", "headers");
    assertThat(world.admin.get(HOOKS).expect(200).size()).isEqualTo(before);
  }

  @Test
  void badPatch_isA400NamingTheField_andChangesNothing() {
    String id =
        world
            .admin
            .post(
                HOOKS,
                "{\"type\":\"TAG_PUSH\",\"key\":\"maria-testorg\",\"endpoint\":\"https://example.com/h\","
                    + "\"filters\":{\"tags\":[\"v*\"]}}")
            .expect(201)
            .get("id")
            .asText();
    JsonNode error =
        world
            .admin
            .patch(HOOKS + "/" + id, "{\"filters\":{\"minSeverity\":\"critical\"}}")
            .expectError(400, "INVALID_PARAMETER");
    assertThat(error.get("detail").get("field").asText()).isEqualTo("filters.minSeverity");
    assertThat(world.admin.get(HOOKS + "/" + id).expect(200).get("filters").toString())
        .isEqualTo("{\"tags\":[\"v*\"]}");
  }

  @Test
  void artifactTypes_roundTrip_createGetPatch_andABadGlobIsA400NamingIt() {
    String images = "application/vnd.oci.image.config.v1+json";
    JsonNode created =
        world
            .admin
            .post(
                HOOKS,
                "{\"type\":\"MANIFEST_PUSH\",\"key\":\"maria-testorg\","
                    + "\"endpoint\":\"https://example.com/hook\","
                    + "\"filters\":{\"mediaTypes\":[\"application/vnd.oci.*\"],"
                    + "\"artifactTypes\":[\""
                    + images
                    + "\",\"!*spdx*\"]}}")
            .expect(201);
    String id = created.get("id").asText();
    String both =
        "{\"mediaTypes\":[\"application/vnd.oci.*\"],\"artifactTypes\":[\""
            + images
            + "\",\"!*spdx*\"]}";
    assertThat(created.get("filters").toString()).isEqualTo(both);
    assertThat(world.admin.get(HOOKS + "/" + id).expect(200).get("filters").toString())
        .isEqualTo(both);

    JsonNode patched =
        world
            .admin
            .patch(
                HOOKS + "/" + id,
                "{\"filters\":{\"artifactTypes\":[\"application/vnd.docker.container.image.v1+json\"]}}")
            .expect(200);
    String docker = "{\"artifactTypes\":[\"application/vnd.docker.container.image.v1+json\"]}";
    assertThat(patched.get("filters").toString()).isEqualTo(docker);
    assertThat(world.admin.get(HOOKS + "/" + id).expect(200).get("filters").toString())
        .isEqualTo(docker);

    JsonNode error =
        world
            .admin
            .patch(HOOKS + "/" + id, "{\"filters\":{\"artifactTypes\":[\"*\",\"image config\"]}}")
            .expectError(400, "INVALID_PARAMETER");
    assertThat(error.get("detail").get("field").asText()).isEqualTo("filters.artifactTypes[1]");
    assertThat(world.admin.get(HOOKS + "/" + id).expect(200).get("filters").toString())
        .as("a refused PATCH changes nothing")
        .isEqualTo(docker);

    expectInvalid(
        "{\"filters\":{\"artifactTypes\":[\"application/[a-z]\"]}}",
        "TAG_PUSH",
        "filters.artifactTypes[0]");
    expectInvalid(
        "{\"filters\":{\"artifactTypes\":\"" + images + "\"}}",
        "TAG_PUSH",
        "filters.artifactTypes");
    expectInvalid(
        "{\"filters\":{\"artifactTypes\":[\"" + images + "\"]}}",
        "SCAN_COMPLETED",
        "filters.artifactTypes");
    expectInvalid(
        "{\"filters\":{\"artifactType\":[\"" + images + "\"]}}",
        "TAG_PUSH",
        "filters.artifactType");
  }

  private void expectInvalid(String extra, String type, String field) {
    String body =
        "{\"type\":\""
            + type
            + "\",\"key\":\"maria-testorg/lab-words\",\"endpoint\":\"https://example.com/h\","
            + extra.substring(1);
    JsonNode error = world.admin.post(HOOKS, body).expectError(400, "INVALID_PARAMETER");
    assertThat(error.get("detail").get("field").asText()).as(body).isEqualTo(field);
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
