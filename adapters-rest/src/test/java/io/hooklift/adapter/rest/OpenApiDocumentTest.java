package io.hooklift.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hooklift.adapter.rest.openapi.ResourceMethods;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v0/openapi.json}: open to anyone, a valid OpenAPI 3 document, and generated from
 * the resources, so every resource method is in it with its schemas, errors, paging and security.
 */
class OpenApiDocumentTest {

  private static TestServer server;
  private static ApiResponse response;
  private static JsonNode document;

  @BeforeAll
  static void fetch() {
    server = TestServer.start();
    response = ApiClient.anonymous(server).get("/api/v0/openapi.json");
    document = response.json();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theDocumentNeedsNoCredentials() {
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
  }

  @Test
  void swaggerParserFindsTheDocumentValid() {
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.body());
    assertThat(parsed.getMessages()).isEmpty();
    assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.");
  }

  @Test
  void everyResourceMethodIsAnOperation() {
    List<ResourceMethods.Operation> declared = ResourceMethods.of(RestApi.API_RESOURCES);
    assertThat(declared).hasSizeGreaterThan(35);
    List<String> missing = new ArrayList<>();
    for (ResourceMethods.Operation operation : declared) {
      if (document
          .path("paths")
          .path(operation.path())
          .path(operation.httpMethod())
          .isMissingNode()) {
        missing.add(operation.toString());
      }
    }
    assertThat(missing).as("operations missing from the document").isEmpty();
    int documented = 0;
    for (JsonNode path : iterable(document.get("paths").elements())) {
      documented += path.size();
    }
    assertThat(documented).isEqualTo(declared.size());
  }

  @Test
  void everyOperationSaysWhatItAnswersAndTheErrorShape() {
    for (Map.Entry<String, JsonNode> path : iterable(document.get("paths").fields())) {
      for (Map.Entry<String, JsonNode> op : iterable(path.getValue().fields())) {
        String name = op.getKey().toUpperCase() + " " + path.getKey();
        JsonNode responses = op.getValue().get("responses");
        assertThat(
                responses
                    .path("default")
                    .path("content")
                    .path("application/json")
                    .path("schema")
                    .path("$ref")
                    .asText())
            .as(name)
            .isEqualTo("#/components/schemas/ErrorBody");
        List<String> success = new ArrayList<>();
        responses
            .fieldNames()
            .forEachRemaining(
                code -> {
                  if (code.startsWith("2")) {
                    success.add(code);
                  }
                });
        assertThat(success).as("%s has a 2xx response", name).isNotEmpty();
        for (String code : success) {
          if (!code.equals("204") && !path.getKey().equals("/api/v0/openapi.json")) {
            assertThat(
                    responses
                        .path(code)
                        .path("content")
                        .path("application/json")
                        .path("schema")
                        .isMissingNode())
                .as("%s %s has a schema", name, code)
                .isFalse();
          }
        }
        assertThat(op.getValue().path("operationId").asText()).as(name).isNotBlank();
      }
    }
  }

  @Test
  void requestAndResponseSchemasAreDescribed() {
    JsonNode create = document.at("/paths/~1api~1v0~1webhooks/post");
    assertThat(create.at("/requestBody/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/CreateWebhookRequest");
    assertThat(create.at("/responses/201/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/CreatedWebhookResponse");
    JsonNode schemas = document.at("/components/schemas");
    assertThat(schemas.at("/CreateWebhookRequest/properties").has("endpoint")).isTrue();
    assertThat(schemas.at("/WebhookResponse/properties").has("lastSuccessfulAt")).isTrue();
    assertThat(schemas.at("/ErrorBody/properties/errors/items/$ref").asText())
        .isEqualTo("#/components/schemas/ErrorItem");
    assertThat(schemas.at("/ErrorItem/properties").has("code")).isTrue();
    assertThat(schemas.at("/AccountResponse/properties").has("isAdmin")).isTrue();
  }

  @Test
  void theEventFeedIsOneOperationAnsweringJsonOrAServerSentEventStream() {
    JsonNode feed = document.at("/paths/~1api~1v0~1events/get");
    assertThat(feed.at("/responses/200/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/FeedResponse");
    assertThat(feed.at("/responses/200/content/text~1event-stream/schema/type").asText())
        .isEqualTo("string");
    List<String> parameters = new ArrayList<>();
    feed.path("parameters").forEach(p -> parameters.add(p.get("in") + " " + p.get("name")));
    assertThat(parameters)
        .contains(
            "\"header\" \"Last-Event-ID\"",
            "\"query\" \"after\"",
            "\"query\" \"types\"",
            "\"query\" \"key\"",
            "\"query\" \"wait\"");
    assertThat(
            document
                .at("/paths/~1api~1v0~1webhooks~1{id}~1stats/get/responses/200/content")
                .at("/application~1json/schema/$ref")
                .asText())
        .isEqualTo("#/components/schemas/WebhookStatsResponse");
    assertThat(
            document
                .at("/paths/~1api~1v0~1webhooks~1{id}~1test/post/responses/200/content")
                .at("/application~1json/schema/$ref")
                .asText())
        .isEqualTo("#/components/schemas/TestResultResponse");
    assertThat(document.at("/components/schemas/DeliveryLogResponse/properties").has("request"))
        .isTrue();
    assertThat(document.at("/components/schemas/WebhookResponse/properties").has("filters"))
        .isTrue();
    assertThat(document.at("/components/schemas/FiltersResponse/properties").has("artifactTypes"))
        .isTrue();
  }

  @Test
  void pagedOperationsDescribeTheirParametersAndTheNextPageHeader() {
    for (String path :
        List.of("/api/v0/webhooks", "/api/v0/repositories", "/api/v0/webhooks/{id}/deliveries")) {
      JsonNode get = document.path("paths").path(path).path("get");
      List<String> parameters = new ArrayList<>();
      get.path("parameters").forEach(p -> parameters.add(p.get("name").asText()));
      assertThat(parameters).as(path).contains("pageStart", "pageSize");
      assertThat(get.at("/responses/200/headers/X-Next-Page-Start/schema/type").asText())
          .as(path)
          .isEqualTo("string");
    }
  }

  @Test
  void basicAuthenticationIsTheDefaultAndOpenOperationsNeedNone() {
    assertThat(document.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    assertThat(document.at("/security/0").has("basic")).isTrue();
    assertThat(document.at("/paths/~1_ping/get/security").isArray()).isTrue();
    assertThat(document.at("/paths/~1_ping/get/security")).isEmpty();
    assertThat(document.at("/paths/~1api~1v0~1sessions/post/security")).isEmpty();
    assertThat(
            document
                .at("/paths/~1api~1v0~1registry~1notifications/post/security/0")
                .has("registryToken"))
        .isTrue();
    assertThat(document.at("/paths/~1api~1v0~1webhooks/get").has("security")).isFalse();
  }

  private static <T> Iterable<T> iterable(Iterator<T> iterator) {
    return () -> iterator;
  }
}
