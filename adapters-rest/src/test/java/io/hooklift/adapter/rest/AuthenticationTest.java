package io.hooklift.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HTTP Basic with password or token; anything else is the same 401, before any other check. */
class AuthenticationTest extends ApiTestBase {

  private static final String CHALLENGE = "Basic realm=\"hooklift\"";

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private List<String> badAuthorizationHeaders() {
    List<String> headers = new ArrayList<>();
    headers.add("Basic !!!");
    headers.add("Basic " + b64("test-user".getBytes(StandardCharsets.UTF_8)));
    headers.add("Basic " + b64(new byte[] {'u', ':', (byte) 0xC3, (byte) 0x28}));
    headers.add("Basic " + b64(":password".getBytes(StandardCharsets.UTF_8)));
    headers.add("Basic " + b64("test-user:".getBytes(StandardCharsets.UTF_8)));
    headers.add("Basic ");
    headers.add("Bearer " + world.token);
    headers.add("Digest username=\"test-user\"");
    headers.add(ApiClient.basic("test-user", "wrong-password"));
    headers.add(ApiClient.basic("nobody", SeedWorld.USER_PASSWORD));
    headers.add(ApiClient.basic("NOT A NAME/..", SeedWorld.USER_PASSWORD));
    headers.add(ApiClient.basic("maria-testorg", SeedWorld.USER_PASSWORD));
    headers.add(ApiClient.basic("test-user", world.token + "x"));
    headers.add("Basic " + "A".repeat(6_000));
    return headers;
  }

  @Test
  void missingCredentials_isNotAuthenticatedWithChallenge() {
    var response = ApiClient.anonymous(server).get("/api/v0/webhooks");
    response.expectError(401, "NOT_AUTHENTICATED");
    assertThat(response.header("WWW-Authenticate")).contains(CHALLENGE);
  }

  @Test
  void everyKindOfBadCredentials_getsTheIdenticalNotAuthenticatedResponse() {
    String reference = ApiClient.anonymous(server).get("/api/v0/webhooks").body();
    for (String header : badAuthorizationHeaders()) {
      var response = ApiClient.withHeader(server, header).get("/api/v0/webhooks");
      response.expectError(401, "NOT_AUTHENTICATED");
      assertThat(response.header("WWW-Authenticate")).as(header).contains(CHALLENGE);
      assertThat(response.body()).as(header).isEqualTo(reference);
    }
  }

  @Test
  void passwordAndTokenAndCaseInsensitiveScheme_allAuthenticate() {
    ApiClient.as(server, "test-user", SeedWorld.USER_PASSWORD).get("/api/v0/webhooks").expect(200);
    world.testUser.get("/api/v0/webhooks").expect(200);
    String credentials = ApiClient.basic("test-user", world.token).substring("Basic ".length());
    ApiClient.withHeader(server, "basic " + credentials).get("/api/v0/webhooks").expect(200);
  }

  @Test
  void givenNoCredentials_bodyErrorsAndUnknownPathsAndWrongMethods_areAllNotAuthenticatedFirst() {
    ApiClient anonymous = ApiClient.anonymous(server);
    JsonNode before = world.admin.get("/api/v0/webhooks").expect(200);
    anonymous.post("/api/v0/webhooks", "{not json").expectError(401, "NOT_AUTHENTICATED");
    anonymous
        .send("POST", "/api/v0/webhooks", "text/plain", BodyPublishers.ofString("x"))
        .expectError(401, "NOT_AUTHENTICATED");
    anonymous.get("/api/v0/no-such-thing").expectError(401, "NOT_AUTHENTICATED");
    anonymous.delete("/api/v0/webhooks").expectError(401, "NOT_AUTHENTICATED");
    anonymous
        .post("/api/v0/webhooks", SeedWorld.seedWebhookBody())
        .expectError(401, "NOT_AUTHENTICATED");
    assertThat(world.admin.get("/api/v0/webhooks").expect(200)).isEqualTo(before);
  }

  @Test
  void everyApiEndpoint_needsCredentials() {
    ApiClient anonymous = ApiClient.anonymous(server);
    String[] paths = {
      "/api/v0/webhooks",
      "/api/v0/webhooks/types",
      "/api/v0/webhooks/" + "a".repeat(64),
      "/api/v0/accounts/test-user",
      "/api/v0/accounts/test-user/tokens",
      "/api/v0/repositories",
      "/api/v0/repositories/maria-testorg",
      "/api/v0/repositories/maria-testorg/lab-words",
      "/api/v0/repositories/maria-testorg/lab-words/webhooks",
      "/api/v0/repositories/maria-testorg/webhooks"
    };
    for (String path : paths) {
      anonymous.get(path).expectError(401, "NOT_AUTHENTICATED");
    }
  }

  @Test
  void deletedToken_noLongerAuthenticates() {
    ApiClient withPassword = ApiClient.as(server, "outsider", SeedWorld.USER_PASSWORD);
    JsonNode issued =
        withPassword
            .post("/api/v0/accounts/outsider/tokens", "{\"label\":\"short-lived\"}")
            .expect(201);
    ApiClient withToken = ApiClient.as(server, "outsider", issued.get("token").asText());
    withToken.get("/api/v0/webhooks").expect(200);

    withPassword
        .delete("/api/v0/accounts/outsider/tokens/" + issued.get("id").asText())
        .expect(204);

    withToken.get("/api/v0/webhooks").expectError(401, "NOT_AUTHENTICATED");
  }

  @Test
  void pingAndHealth_needNoCredentials() {
    ApiClient.anonymous(server).get("/_ping").expect(200);
    // This server never starts the delivery engine, so "workers" is down and /health answers 503;
    // what matters here is that it answers without credentials (SystemEndpointsTest covers
    // 200/503).
    var health = ApiClient.anonymous(server).get("/health");
    assertThat(health.status()).isNotEqualTo(401);
    assertThat(health.body()).contains("\"components\"").contains("\"workers\"");
  }
}
