package io.hooklift.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hooklift.bootstrap.Api.Caller;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The registry documentation's browser procedure, walked in a real browser against the real server
 * and a real receiver: log in, Repositories, a repository, the Webhooks tab, New Webhook, choose
 * the event, the URL, Test, Show advanced settings, paste a certificate, Create; then an event, its
 * delivery in the history, Redeliver with the same webhook-id, delete; and the API explorer calling
 * GET /api/v0/webhooks as the logged-in user. Each step leaves a screenshot.
 */
class ConsoleFlowTest {

  @TempDir static Path dir;
  private static HookliftServer server;
  private static Api api;
  private static LoopbackHttp receiver;

  @BeforeAll
  static void start() {
    ConsoleBrowser.assumeInstalled();
    Map<String, String> env = new HashMap<>(TestServers.environment(dir.resolve("data")));
    env.put("HOOKLIFT_EGRESS_ALLOW", "127.0.0.0/8");
    env.put("HOOKLIFT_RETRY_SCHEDULE", "0s,1s");
    server = HookliftServer.start(Settings.from(env));
    api = TestServers.api(server);
    receiver = LoopbackHttp.receiver();
    Setup setup = new Setup(api);
    setup.organization("acme");
    setup.repository("acme", "web", "public");
    setup.repository("acme", "api", "private");
  }

  @AfterAll
  static void stop() {
    if (receiver != null) {
      receiver.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void anAdminCreatesARepositoryWebhookInTheBrowserAndWatchsItsDeliveries() throws Exception {
    String pem = PemCertificates.selfSigned(dir);
    try (ConsoleBrowser browser = ConsoleBrowser.open(server.baseUri().toString())) {
      browser.go("/");
      browser.field("Username").sendKeys("admin");
      browser.field("Password or access token").sendKeys(TestServers.ADMIN_PASSWORD);
      browser.screenshot("01-login");
      browser.button("Log in").click();

      browser.visible(By.xpath("//h1[normalize-space()='Repositories']"));
      browser.link("web");
      browser.screenshot("02-repositories");
      browser.link("web").click();

      browser.visible(By.xpath("//h1[normalize-space()='acme / web']"));
      browser.link("Webhooks").click();
      browser.waitForText(By.cssSelector("td.empty"), "No webhooks on this repository yet");
      browser.link("New Webhook").click();

      Select event = new Select(browser.field("Event"));
      assertThat(event.getOptions())
          .extracting(WebElement::getText)
          .contains("Tag pushed to repository (TAG_PUSH)")
          .doesNotContain("Repository created (REPO_CREATED)")
          .doesNotContain("Security scanner update completed (SCANNER_UPDATE_COMPLETED)");
      event.selectByVisibleText("Tag pushed to repository (TAG_PUSH)");
      browser.field("Webhook URL").sendKeys(receiver.url("/hooks/acme-web"));
      browser.button("Test").click();
      browser.waitForText(By.cssSelector(".test-result"), "answered 200");
      assertThat(receiver.received()).hasSize(1);
      LoopbackHttp.Received test = receiver.received().get(0);
      assertThat(test.path()).isEqualTo("/hooks/acme-web");
      assertThat(test.body())
          .contains("\"type\":\"TAG_PUSH\"")
          .contains("\"imageName\":\"foo/bar:latest\"");
      browser.screenshot("03-new-webhook-tested");

      browser.button("Show advanced settings").click();
      browser.field("TLS certificate").sendKeys(pem);
      browser.screenshot("04-new-webhook-advanced");
      browser.button("Create").click();

      WebElement secret = browser.visible(By.cssSelector("[data-secret]"));
      assertThat(secret.getText()).startsWith("whsec_");
      browser.screenshot("05-webhook-created");
      List<?> listed =
          api.get(admin(), "/api/v0/repositories/acme/web/webhooks").json().findValuesAsText("id");
      assertThat(listed).hasSize(1);
      String id = (String) listed.get(0);
      assertThat(api.get(admin(), "/api/v0/webhooks/" + id).json().get("tlsCert").asText())
          .isEqualTo(pem);
      browser.link("Go to the webhook").click();
      browser.visible(By.xpath("//h2[normalize-space()='Recent deliveries']"));

      publishTagPush();
      await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received().size() == 2);
      String messageId = receiver.received().get(1).header("webhook-id");
      assertThat(messageId).isNotBlank();
      browser.await(
          d -> {
            d.findElement(By.xpath("//button[normalize-space()='Refresh']")).click();
            return d.findElements(By.cssSelector(".deliveries .pill-delivered")).size() == 1;
          });
      browser.visible(By.cssSelector(".deliveries [aria-expanded='false']")).click();
      browser.waitForText(By.cssSelector(".attempts-table"), "200");
      browser.script("document.querySelector('.history').scrollIntoView()");
      browser.screenshot("06-delivery-history");

      browser.button("Redeliver").click();
      await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received().size() == 3);
      assertThat(receiver.received().get(2).header("webhook-id")).isEqualTo(messageId);
      browser.waitForText(By.cssSelector(".history-status"), "queued again");

      browser.resize(390, 844);
      browser.script("window.scrollTo(0, 0)");
      browser.screenshot("07-webhook-phone");
      browser.resize(1280, 900);

      browser.button("Delete webhook").click();
      browser.button("Yes, delete").click();
      browser.waitForText(By.cssSelector("td.empty"), "No webhooks on this repository yet");
      assertThat(api.get(admin(), "/api/v0/webhooks/" + id).status()).isEqualTo(404);

      browser.link("API").click();
      WebElement operation =
          browser.visible(
              By.xpath("//*[contains(@class,'opblock-get')][.//*[@data-path='/api/v0/webhooks']]"));
      operation.findElement(By.cssSelector(".opblock-summary-control")).click();
      browser.button("Try it out").click();
      browser.button("Execute").click();
      browser.waitForText(By.cssSelector(".live-responses-table .response-col_status"), "200");
      browser.script(
          "document.querySelector('.live-responses-table').scrollIntoView({block: 'center'})");
      browser.screenshot("08-api-explorer");

      // Only the first question, "who is logged in?", may fail: nobody was, then.
      assertThat(browser.consoleErrors())
          .filteredOn(e -> !(e.contains("/api/v0/sessions/current") && e.contains("401")))
          .isEmpty();
    }
  }

  private static Caller admin() {
    return new Caller("admin", TestServers.ADMIN_PASSWORD);
  }

  private static void publishTagPush() {
    Map<String, Object> contents = new HashMap<>();
    contents.put("namespace", "acme");
    contents.put("repository", "web");
    contents.put("tag", "1.0");
    contents.put("digest", "sha256:" + "ab".repeat(32));
    contents.put("imageName", "registry.example.com/acme/web:1.0");
    contents.put("os", "linux");
    contents.put("architecture", "amd64");
    contents.put("author", "ci-bot");
    contents.put("pushedAt", "2026-12-04T05:45:11Z");
    var response =
        api.post(admin(), "/api/v0/events", Map.of("type", "TAG_PUSH", "contents", contents));
    assertThat(response.status()).as(response.toString()).isEqualTo(202);
  }
}
