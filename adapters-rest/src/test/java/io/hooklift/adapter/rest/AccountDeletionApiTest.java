package io.hooklift.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hooklift.application.port.PageRequest;
import io.hooklift.domain.subscription.SubscriptionId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code DELETE /api/v0/accounts/{name}} takes the account's webhooks along: those it authored and
 * those keyed on its namespace. Checked as a user would, through the webhook API.
 */
class AccountDeletionApiTest extends ApiTestBase {

  private static final String RECEIVER = "https://receiver.example.com/";

  private String webhook(ApiClient as, String type, String key, String path) {
    return as.post("/api/v0/webhooks", SeedWorld.webhookBody(type, key, RECEIVER + path))
        .expect(201)
        .get("id")
        .asText();
  }

  private void publishTagPushOnLabWords() {
    world.admin.post("/api/v0/events", EventBodies.body("TAG_PUSH")).expect(202);
  }

  /** Stored deliveries, read through the port: the engine does not run here to send any. */
  private int storedDeliveries(String webhookId) {
    return server
        .ports
        .unitOfWork()
        .inTransaction(
            () ->
                server
                    .ports
                    .deliveries()
                    .ofSubscription(
                        new SubscriptionId(webhookId), Optional.empty(), PageRequest.first(100))
                    .items()
                    .size());
  }

  @Test
  void
      deleteUser_removesItsWebhooksAndThoseOnItsNamespace_fromListsAndLookups_andNothingIsDeliveredToThem() {
    world
        .admin
        .post(
            "/api/v0/accounts",
            "{\"name\":\"leaver\",\"type\":\"user\",\"password\":\"leaver-password\"}")
        .expect(201);
    world
        .admin
        .put("/api/v0/accounts/" + SeedWorld.ORG + "/members/leaver", "{\"isAdmin\":true}")
        .expect(200);
    ApiClient leaver = ApiClient.as(server, "leaver", "leaver-password");
    leaver.post("/api/v0/repositories/leaver", "{\"name\":\"app\"}").expect(201);
    String onOrgRepository = webhook(leaver, "TAG_PUSH", SeedWorld.REPO, "leaver-on-lab-words");
    String onOwnRepository = webhook(leaver, "TAG_PUSH", "leaver/app", "leaver-on-own-repo");
    String adminsOnLeaver = webhook(world.admin, "REPO_DELETED", "leaver", "admin-on-leaver");
    String control = webhook(world.admin, "TAG_PUSH", SeedWorld.REPO, "control");
    publishTagPushOnLabWords();
    world.admin.delete("/api/v0/repositories/leaver/app").expect(204);
    assertThat(storedDeliveries(onOrgRepository)).isEqualTo(1);
    assertThat(storedDeliveries(adminsOnLeaver)).isEqualTo(1);

    world.admin.delete("/api/v0/accounts/leaver").expect(204);

    List<String> gone = List.of(onOrgRepository, onOwnRepository, adminsOnLeaver);
    JsonNode all = world.admin.get("/api/v0/webhooks?pageSize=1000").expect(200);
    assertThat(all.findValuesAsText("id")).contains(control).doesNotContainAnyElementsOf(gone);
    assertThat(
            world
                .admin
                .get("/api/v0/repositories/" + SeedWorld.REPO + "/webhooks")
                .expect(200)
                .findValuesAsText("id"))
        .containsExactly(control);
    for (String id : gone) {
      world.admin.get("/api/v0/webhooks/" + id).expectError(404, "NO_SUCH_WEBHOOK");
      world.admin.get("/api/v0/webhooks/" + id + "/deliveries").expectError(404, "NO_SUCH_WEBHOOK");
    }
    publishTagPushOnLabWords();
    for (String id : gone) {
      assertThat(storedDeliveries(id)).as("deliveries of deleted webhook %s", id).isZero();
    }
    assertThat(storedDeliveries(control)).isEqualTo(2);
    leaver.get("/api/v0/webhooks").expect(401);
  }

  @Test
  void givenNameTakenAgain_theNewAccountInheritsNoWebhooks() {
    world
        .admin
        .post("/api/v0/accounts", "{\"name\":\"reborn\",\"type\":\"organization\"}")
        .expect(201);
    String old = webhook(world.admin, "REPO_CREATED", "reborn", "old-namespace-hook");
    world.admin.delete("/api/v0/accounts/reborn").expect(204);

    world
        .admin
        .post("/api/v0/accounts", "{\"name\":\"reborn\",\"type\":\"organization\"}")
        .expect(201);

    assertThat(world.admin.get("/api/v0/repositories/reborn/webhooks").expect(200)).isEmpty();
    world.admin.get("/api/v0/webhooks/" + old).expectError(404, "NO_SUCH_WEBHOOK");
  }
}
