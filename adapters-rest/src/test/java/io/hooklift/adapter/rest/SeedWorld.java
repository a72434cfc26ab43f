package io.hooklift.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The seed's world, built through the API itself: admin creates organization {@code maria-testorg}
 * with the public repository {@code lab-words} and the private {@code secret-words}; user {@code
 * test-user} is in team {@code lab-admins}, which has admin access on {@code lab-words}, and calls
 * with a personal access token. {@code outsider} is a user with no access anywhere.
 */
final class SeedWorld {

  static final String ORG = "maria-testorg";
  static final String REPO = "maria-testorg/lab-words";
  static final String PRIVATE_REPO = "maria-testorg/secret-words";
  static final String USER_PASSWORD = "test-user-password";

  final ApiClient admin;
  final ApiClient testUser;
  final ApiClient outsider;
  final String testUserId;
  final String token;

  SeedWorld(TestServer server) {
    admin = ApiClient.as(server, "admin", TestServer.ADMIN_PASSWORD);
    admin
        .post("/api/v0/accounts", "{\"name\":\"" + ORG + "\",\"type\":\"organization\"}")
        .expect(201);
    testUserId = admin.post("/api/v0/accounts", user("test-user")).expect(201).get("id").asText();
    admin.post("/api/v0/accounts", user("outsider")).expect(201);
    admin.post("/api/v0/repositories/" + ORG, "{\"name\":\"lab-words\"}").expect(201);
    admin
        .post(
            "/api/v0/repositories/" + ORG, "{\"name\":\"secret-words\",\"visibility\":\"private\"}")
        .expect(201);
    admin.post("/api/v0/accounts/" + ORG + "/teams", "{\"name\":\"lab-admins\"}").expect(201);
    admin.put("/api/v0/accounts/" + ORG + "/teams/lab-admins/members/test-user", "").expect(200);
    admin
        .put(
            "/api/v0/repositories/" + REPO + "/teamAccess/lab-admins",
            "{\"accessLevel\":\"admin\"}")
        .expect(200);
    ApiClient withPassword = ApiClient.as(server, "test-user", USER_PASSWORD);
    JsonNode issued =
        withPassword.post("/api/v0/accounts/test-user/tokens", "{\"label\":\"ci\"}").expect(201);
    token = issued.get("token").asText();
    testUser = ApiClient.as(server, "test-user", token);
    outsider = ApiClient.as(server, "outsider", USER_PASSWORD);
  }

  private static String user(String name) {
    return "{\"name\":\"" + name + "\",\"type\":\"user\",\"password\":\"" + USER_PASSWORD + "\"}";
  }

  /** The seed's curl body. */
  static String seedWebhookBody() {
    return "{ \"endpoint\": \"https://webhook.site/441b1584-949d-4608-a7f3-f240bdd31019\", \"key\": \"maria-testorg/lab-words\","
        + " \"skipTLSVerification\": true, \"type\": \"TAG_PULL\"}";
  }

  static String webhookBody(String type, String key, String endpoint) {
    return "{\"type\":\"" + type + "\",\"key\":\"" + key + "\",\"endpoint\":\"" + endpoint + "\"}";
  }
}
