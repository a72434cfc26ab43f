package io.hooklift.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.bootstrap.Api.Caller;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The administrative steps the scenarios need, each done over HTTP the way an operator would and
 * checked for success, so a failing step is reported where it happens rather than three calls
 * later.
 */
final class Setup {

  static final String PASSWORD = "correct-horse-battery";

  private final Api api;
  private final Caller admin = new Caller("admin", TestServers.ADMIN_PASSWORD);

  Setup(Api api) {
    this.api = api;
  }

  Caller admin() {
    return admin;
  }

  Caller user(String name) {
    expect(
        api.post(
            admin, "/api/v0/accounts", Map.of("name", name, "type", "user", "password", PASSWORD)),
        201);
    return new Caller(name, PASSWORD);
  }

  void organization(String name) {
    expect(api.post(admin, "/api/v0/accounts", Map.of("name", name, "type", "organization")), 201);
  }

  void member(String org, String user, boolean owner) {
    expect(
        api.put(admin, "/api/v0/accounts/" + org + "/members/" + user, Map.of("isAdmin", owner)),
        200,
        201,
        204);
  }

  void team(String org, String team) {
    expect(api.post(admin, "/api/v0/accounts/" + org + "/teams", Map.of("name", team)), 201);
  }

  void teamMember(String org, String team, String user) {
    expect(
        api.put(admin, "/api/v0/accounts/" + org + "/teams/" + team + "/members/" + user, Map.of()),
        200,
        201,
        204);
  }

  void repository(String namespace, String name, String visibility) {
    expect(
        api.post(
            admin,
            "/api/v0/repositories/" + namespace,
            Map.of("name", name, "visibility", visibility)),
        201);
  }

  void teamAccess(String namespace, String repository, String team, String level) {
    expect(
        api.put(
            admin,
            "/api/v0/repositories/" + namespace + "/" + repository + "/teamAccess/" + team,
            Map.of("accessLevel", level)),
        200,
        201,
        204);
  }

  /** A personal access token of the user, created by the user; returns the caller that uses it. */
  Caller token(Caller user) {
    Api.Response created =
        expect(
            api.post(user, "/api/v0/accounts/" + user.user() + "/tokens", Map.of("label", "ci")),
            201);
    return new Caller(user.user(), created.json().path("token").asText());
  }

  /** Creates a webhook as {@code caller}, asserting success; returns its id. */
  String webhook(Caller caller, String type, String key) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    if (key != null) {
      body.put("key", key);
    }
    body.put("endpoint", "https://hooks.example.com/" + type.toLowerCase());
    return expect(api.post(caller, "/api/v0/webhooks", body), 201).json().path("id").asText();
  }

  static Api.Response expect(Api.Response response, int... statuses) {
    assertThat(statuses).as("status of %s", response).contains(response.status());
    return response;
  }
}
