package io.hooklift.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The console's session over real HTTP: the cookie's attributes, the same actor as Basic, the CSRF
 * token that changes need, cross-origin refusals, logging out, and Basic clients unaffected.
 */
class ConsoleSessionTest extends ApiTestBase {

  private record Session(String cookie, String csrf) {}

  private Session logIn(String user, String password) {
    ApiResponse login =
        ApiClient.anonymous(server)
            .post(
                "/api/v0/sessions",
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
    assertThat(login.status()).as(login.body()).isEqualTo(201);
    String setCookie = login.header("Set-Cookie").orElseThrow();
    assertThat(setCookie)
        .matches("hooklift_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict");
    assertThat(login.json().get("name").asText()).isEqualTo(user);
    return new Session(
        setCookie.substring(0, setCookie.indexOf(';')), login.json().get("csrfToken").asText());
  }

  private ApiResponse with(Session s, String method, String path, String json, String... headers) {
    List<String> all = new java.util.ArrayList<>(List.of("Cookie", s.cookie()));
    all.addAll(List.of(headers));
    return ApiClient.anonymous(server)
        .send(
            method,
            path,
            json == null ? null : "application/json",
            json == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(json),
            all.toArray(String[]::new));
  }

  @Test
  void aSessionActsAsTheSameUserBasicAuthenticates() {
    Session s = logIn("admin", TestServer.ADMIN_PASSWORD);
    ApiResponse me = with(s, "GET", "/api/v0/sessions/current", null);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("isAdmin").asBoolean()).isTrue();
    assertThat(me.json().get("csrfToken").asText()).isEqualTo(s.csrf());
    assertThat(with(s, "GET", "/api/v0/webhooks", null).body())
        .isEqualTo(world.admin.get("/api/v0/webhooks").body());
  }

  @Test
  void aChangeWithTheCookieNeedsTheCsrfToken() {
    Session s = logIn("admin", TestServer.ADMIN_PASSWORD);
    String body = "{\"name\":\"csrf-probe\"}";
    ApiResponse without = with(s, "POST", "/api/v0/repositories/admin", body);
    assertThat(without.status()).isEqualTo(403);
    assertThat(without.json().at("/errors/0/code").asText()).isEqualTo("CSRF_TOKEN_INVALID");
    ApiResponse wrong =
        with(s, "POST", "/api/v0/repositories/admin", body, "X-CSRF-Token", s.csrf() + "x");
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(world.admin.get("/api/v0/repositories/admin/csrf-probe").status()).isEqualTo(404);

    ApiResponse right =
        with(s, "POST", "/api/v0/repositories/admin", body, "X-CSRF-Token", s.csrf());
    assertThat(right.status()).isEqualTo(201);
  }

  @Test
  void aChangeFromAnotherOriginIsRefusedWhateverItsCredentials() {
    Session s = logIn("admin", TestServer.ADMIN_PASSWORD);
    String body = "{\"name\":\"origin-probe\"}";
    ApiResponse bySession =
        with(
            s,
            "POST",
            "/api/v0/repositories/admin",
            body,
            "X-CSRF-Token",
            s.csrf(),
            "Origin",
            "http://evil.example");
    assertThat(bySession.status()).isEqualTo(403);
    assertThat(bySession.json().at("/errors/0/code").asText()).isEqualTo("CROSS_ORIGIN_REQUEST");
    ApiResponse byBasic =
        ApiClient.as(server, "admin", TestServer.ADMIN_PASSWORD)
            .send(
                "POST",
                "/api/v0/repositories/admin",
                "application/json",
                java.net.http.HttpRequest.BodyPublishers.ofString(body),
                "Sec-Fetch-Site",
                "cross-site");
    assertThat(byBasic.status()).isEqualTo(403);
    ApiResponse login =
        ApiClient.anonymous(server)
            .send(
                "POST",
                "/api/v0/sessions",
                "application/json",
                java.net.http.HttpRequest.BodyPublishers.ofString(
                    "{\"username\":\"admin\",\"password\":\"" + TestServer.ADMIN_PASSWORD + "\"}"),
                "Origin",
                "null");
    assertThat(login.status()).isEqualTo(403);
    assertThat(world.admin.get("/api/v0/repositories/admin/origin-probe").status()).isEqualTo(404);

    ApiResponse sameOrigin =
        with(
            s,
            "POST",
            "/api/v0/repositories/admin",
            body,
            "X-CSRF-Token",
            s.csrf(),
            "Origin",
            server.uri("/").toString().replaceAll("/$", ""),
            "Sec-Fetch-Site",
            "same-origin");
    assertThat(sameOrigin.status()).as(sameOrigin.body()).isEqualTo(201);
  }

  @Test
  void basicCredentialsNeverNeedACsrfToken() {
    ApiResponse created =
        world.admin.post("/api/v0/repositories/admin", "{\"name\":\"basic-probe\"}");
    assertThat(created.status()).isEqualTo(201);
  }

  @Test
  void aWrongPasswordIsThe401BasicGetsAndSetsNoCookie() {
    ApiResponse login =
        ApiClient.anonymous(server)
            .post("/api/v0/sessions", "{\"username\":\"admin\",\"password\":\"wrong\"}");
    assertThat(login.status()).isEqualTo(401);
    assertThat(login.json().at("/errors/0/code").asText()).isEqualTo("NOT_AUTHENTICATED");
    assertThat(login.header("Set-Cookie")).isEmpty();
    ApiResponse missing =
        ApiClient.anonymous(server).post("/api/v0/sessions", "{\"username\":\"admin\"}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().at("/errors/0/detail/field").asText()).isEqualTo("password");
  }

  @Test
  void loggingOutEndsTheSessionAndClearsTheCookie() {
    Session s = logIn("admin", TestServer.ADMIN_PASSWORD);
    ApiResponse out = with(s, "DELETE", "/api/v0/sessions/current", null, "X-CSRF-Token", s.csrf());
    assertThat(out.status()).isEqualTo(204);
    assertThat(out.header("Set-Cookie"))
        .hasValueSatisfying(c -> assertThat(c).contains("Max-Age=0"));
    ApiResponse after = with(s, "GET", "/api/v0/webhooks", null);
    assertThat(after.status()).isEqualTo(401);
  }

  @Test
  void anUnknownCookieIs401AndAScriptGetsNoBasicChallenge() {
    Session forged = new Session("hooklift_session=" + "A".repeat(43), "x");
    ApiResponse fromScript =
        with(forged, "GET", "/api/v0/webhooks", null, "Sec-Fetch-Mode", "cors");
    assertThat(fromScript.status()).isEqualTo(401);
    assertThat(fromScript.header("WWW-Authenticate")).contains("Session realm=\"hooklift\"");
    ApiResponse fromCurl = ApiClient.anonymous(server).get("/api/v0/webhooks");
    assertThat(fromCurl.header("WWW-Authenticate")).contains("Basic realm=\"hooklift\"");
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (String path :
        List.of("/", "/console/app.js", "/api/v0/openapi.json", "/api/v0/webhooks", "/nope")) {
      ApiResponse r = ApiClient.anonymous(server).get(path);
      assertThat(r.header("Content-Security-Policy"))
          .as(path)
          .hasValueSatisfying(
              csp ->
                  assertThat(csp)
                      .contains("script-src 'self'")
                      .contains("frame-ancestors 'none'")
                      .doesNotContain("unsafe-inline"));
      assertThat(r.header("X-Content-Type-Options")).as(path).contains("nosniff");
      assertThat(r.header("Referrer-Policy")).as(path).contains("no-referrer");
    }
  }

  @Test
  void theConsoleServesOnlyItsOwnFilesAndSwaggerUisBundle() {
    ApiClient anyone = ApiClient.anonymous(server);
    assertThat(anyone.get("/").body())
        .contains("<script type=\"module\" src=\"/console/app.js\"></script>");
    assertThat(anyone.get("/webjars/swagger-ui/swagger-ui-bundle.js").status()).isEqualTo(200);
    assertThat(anyone.get("/webjars/swagger-ui/swagger-initializer.js").status()).isEqualTo(404);
    assertThat(anyone.get("/webjars/swagger-ui/index.html").status()).isEqualTo(404);
    assertThat(anyone.get("/console/..%2Fconsole%2Findex.html").status()).isIn(400, 404);
    ApiResponse first = anyone.get("/console/app.js");
    String etag = first.header("ETag").orElseThrow();
    assertThat(
            anyone
                .send(
                    "GET",
                    "/console/app.js",
                    null,
                    java.net.http.HttpRequest.BodyPublishers.noBody(),
                    "If-None-Match",
                    etag)
                .status())
        .isEqualTo(304);
  }
}
