package io.hooklift.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hooklift.bootstrap.Api.Caller;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The admin rules of docs/access-rules.md, through HTTP: each actor against each webhook operation
 * on the private repository {@code acme/app}. Expected: success for admins of the resource; 403
 * when the caller can see the resource but may not administer it; 404 when the private repository
 * (or someone else's webhook) is invisible to them; 401 without credentials. Every denial is also
 * checked to have changed nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminRuleMatrixTest {

  static final String ORG = "acme";
  static final String REPO = "acme/app";

  @TempDir static Path dataDir;
  HookliftServer server;
  Api api;
  Caller admin;
  final Map<String, Caller> actors = new LinkedHashMap<>();

  @BeforeAll
  void startAndSetUp() {
    server = TestServers.start(dataDir);
    api = TestServers.api(server);
    Setup setup = new Setup(api);
    admin = setup.admin();
    setup.organization(ORG);
    Caller owner = setup.user("owner");
    setup.member(ORG, "owner", true);
    Caller repoAdmin = setup.user("repo-admin");
    Caller writer = setup.user("writer");
    Caller stranger = setup.user("stranger");
    setup.team(ORG, "admins");
    setup.team(ORG, "writers");
    setup.teamMember(ORG, "admins", "repo-admin");
    setup.teamMember(ORG, "writers", "writer");
    setup.repository(ORG, "app", "private");
    setup.teamAccess(ORG, "app", "admins", "admin");
    setup.teamAccess(ORG, "app", "writers", "read-write");
    actors.put("system admin", admin);
    actors.put("org owner", owner);
    actors.put("team repo-admin", repoAdmin);
    actors.put("team read-write", writer);
    actors.put("unrelated user", stranger);
    actors.put("anonymous", Caller.ANONYMOUS);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  /**
   * Columns: system admin, org owner, team repo-admin, team read-write, unrelated user, anonymous.
   */
  static Stream<Arguments> matrix() {
    return Stream.of(
            row(Operation.CREATE_ON_REPOSITORY_KEY, 201, 201, 201, 403, 404, 401),
            row(Operation.CREATE_ON_NAMESPACE_KEY, 201, 201, 403, 403, 403, 401),
            row(Operation.LIST_REPOSITORY_WEBHOOKS, 200, 200, 200, 403, 404, 401),
            row(Operation.LIST_NAMESPACE_WEBHOOKS, 200, 200, 403, 403, 403, 401),
            // A webhook is visible to its author and the admins of its resource only; to everyone
            // else
            // it does not exist, even where the repository itself is visible (read-write).
            row(Operation.GET_OTHERS_WEBHOOK, 200, 200, 200, 404, 404, 401),
            row(Operation.PATCH_OTHERS_WEBHOOK, 200, 200, 200, 404, 404, 401),
            row(Operation.DELETE_OTHERS_WEBHOOK, 204, 204, 204, 404, 404, 401),
            // Only system admins may omit the key; for anyone else it is a missing field.
            row(Operation.CREATE_WITHOUT_KEY, 201, 400, 400, 400, 400, 401))
        .flatMap(List::stream);
  }

  private static List<Arguments> row(Operation operation, int... expected) {
    String[] names = {
      "system admin",
      "org owner",
      "team repo-admin",
      "team read-write",
      "unrelated user",
      "anonymous"
    };
    return java.util.stream.IntStream.range(0, names.length)
        .mapToObj(i -> Arguments.of(names[i], operation, expected[i]))
        .toList();
  }

  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @MethodSource("matrix")
  void actorAndOperation_answerPerTheAdminRules(String actor, Operation operation, int expected) {
    Caller caller = actors.get(actor);
    String target =
        Setup.expect(
                api.post(
                    admin,
                    "/api/v0/webhooks",
                    Map.of(
                        "type",
                        "TAG_PUSH",
                        "key",
                        REPO,
                        "endpoint",
                        "https://hooks.example.com/target")),
                201)
            .json()
            .path("id")
            .asText();
    List<String> before = allIds();
    JsonNode targetBefore = api.get(admin, "/api/v0/webhooks/" + target).json();

    Api.Response response = operation.perform(api, caller, target);

    assertThat(response.status())
        .as("%s doing %s: %s", actor, operation, response)
        .isEqualTo(expected);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    if (expected >= 400) {
      assertThat(response.json().path("errors").path(0).path("code").asText())
          .matches("[A-Z][A-Z_]+");
      assertThat(allIds()).as("a denied call changes nothing").isEqualTo(before);
      assertThat(api.get(admin, "/api/v0/webhooks/" + target).json()).isEqualTo(targetBefore);
    }
    if (expected == 401) {
      assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
    }
    if (expected == 201) {
      assertThat(allIds()).contains(response.json().path("id").asText());
    }
    if (expected == 204) {
      Setup.expect(api.get(admin, "/api/v0/webhooks/" + target), 404);
    }
  }

  private List<String> allIds() {
    JsonNode listed = Setup.expect(api.get(admin, "/api/v0/webhooks?pageSize=1000"), 200).json();
    return listed.findValuesAsText("id").stream().sorted().toList();
  }

  /**
   * One webhook call made by the actor; {@code target} is a webhook the system admin created on
   * acme/app.
   */
  enum Operation {
    CREATE_ON_REPOSITORY_KEY {
      @Override
      Api.Response perform(Api api, Caller caller, String target) {
        return api.post(
            caller,
            "/api/v0/webhooks",
            Map.of("type", "TAG_PUSH", "key", REPO, "endpoint", "https://ci.example.com/a"));
      }
    },
    CREATE_ON_NAMESPACE_KEY {
      @Override
      Api.Response perform(Api api, Caller caller, String target) {
        return api.post(
            caller,
            "/api/v0/webhooks",
            Map.of("type", "TAG_PUSH", "key", ORG, "endpoint", "https://ci.example.com/b"));
      }
    },
    LIST_REPOSITORY_WEBHOOKS {
      @Override
      Api.Response perform(Api api, Caller caller, String target) {
        return api.get(caller, "/api/v0/repositories/" + REPO + "/webhooks");
      }
    },
    LIST_NAMESPACE_WEBHOOKS {
      @Override
      Api.Response perform(Api api, Caller caller, String target) {
        return api.get(caller, "/api/v0/repositories/" + ORG + "/webhooks");
      }
    },
    GET_OTHERS_WEBHOOK {
      @Override
      Api.Response perform(Api api, Caller caller, String target) {
        return api.get(caller, "/api/v0/webhooks/" + target);
      }
    },
    PATCH_OTHERS_WEBHOOK {
      @Override
      Api.Response perform(Api api, Caller caller, String target) {
        return api.patch(
            caller,
            "/api/v0/webhooks/" + target,
            Map.of("endpoint", "https://changed.example.com/x", "inactive", true));
      }
    },
    DELETE_OTHERS_WEBHOOK {
      @Override
      Api.Response perform(Api api, Caller caller, String target) {
        return api.delete(caller, "/api/v0/webhooks/" + target);
      }
    },
    CREATE_WITHOUT_KEY {
      @Override
      Api.Response perform(Api api, Caller caller, String target) {
        return api.post(
            caller,
            "/api/v0/webhooks",
            Map.of("type", "TAG_PUSH", "endpoint", "https://ci.example.com/c"));
      }
    };

    abstract Api.Response perform(Api api, Caller caller, String target);
  }
}
