package io.hooklift.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.hooklift.bootstrap.Api.Caller;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.slf4j.LoggerFactory;

/**
 * What the console must refuse, in a real browser: a read-only member is not offered New Webhook, a
 * page on another origin cannot make a logged-in browser change anything, and a wrong password
 * shows an error and leaves no secret in the log.
 */
class ConsoleSecurityTest {

  @TempDir static Path dir;
  private static HookliftServer server;
  private static Api api;
  private static final Caller ADMIN = new Caller("admin", TestServers.ADMIN_PASSWORD);

  @BeforeAll
  static void start() {
    ConsoleBrowser.assumeInstalled();
    Map<String, String> env = new HashMap<>(TestServers.environment(dir.resolve("data")));
    env.put("HOOKLIFT_EGRESS_ALLOW", "127.0.0.0/8");
    server = HookliftServer.start(Settings.from(env));
    api = TestServers.api(server);
    Setup setup = new Setup(api);
    setup.organization("acme");
    setup.repository("acme", "web", "private");
    setup.user("rita");
    setup.member("acme", "rita", false);
    setup.team("acme", "readers");
    setup.teamMember("acme", "readers", "rita");
    setup.teamAccess("acme", "web", "readers", "read-only");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aReadOnlyMemberSeesTheRepositoryButNoNewWebhook() {
    try (ConsoleBrowser browser = ConsoleBrowser.open(server.baseUri().toString())) {
      logIn(browser, "rita", Setup.PASSWORD);
      browser.go("/#/repositories/acme/web/webhooks");
      browser.waitForText(By.cssSelector(".notice"), "Only admins of this repository");
      assertThat(browser.driver().findElements(By.xpath("//a[normalize-space()='New Webhook']")))
          .isEmpty();
      browser.screenshot("10-read-only-member");
    }
  }

  @Test
  void aPageOnAnotherOriginCannotMakeTheLoggedInBrowserCreateAWebhook() throws Exception {
    String target = server.baseUri().resolve("/api/v0/webhooks").toString();
    String webhook =
        "{\"type\":\"TAG_PUSH\",\"key\":\"acme/web\",\"endpoint\":\"http://127.0.0.1:9/stolen\"}";
    // Another port on the same host: the same site for SameSite cookies, so only the CSRF and
    // Origin checks stand between this page and the API.
    String page =
        "<!doctype html><html><body><h1>Win a prize</h1>"
            + "<form id=f method=post enctype=text/plain action='"
            + target
            + "'>"
            + "<input type=hidden name='"
            + webhook.replace("'", "&#39;")
            + "' value=''></form>"
            + "<script src=/attack.js></script></body></html>";
    String script =
        "fetch('"
            + target
            + "', {method: 'POST', mode: 'no-cors', credentials: 'include',"
            + " headers: {'Content-Type': 'text/plain'}, body: '"
            + webhook
            + "'})"
            + ".finally(() => { document.title = 'sent'; document.getElementById('f').submit(); });";
    try (LoopbackHttp attacker = LoopbackHttp.serving(Map.of("/", page, "/attack.js", script));
        ConsoleBrowser browser = ConsoleBrowser.open(server.baseUri().toString())) {
      logIn(browser, "admin", TestServers.ADMIN_PASSWORD);
      int before = api.get(ADMIN, "/api/v0/webhooks").json().size();

      browser.driver().get(attacker.url("/"));
      browser.await(d -> !d.getCurrentUrl().startsWith(attacker.url("/")));
      browser.screenshot("11-cross-origin-refused");

      assertThat(browser.driver().getPageSource()).contains("CROSS_ORIGIN_REQUEST");
      assertThat(api.get(ADMIN, "/api/v0/webhooks").json().size()).isEqualTo(before);
      // The browser is still logged in: it was the page's requests that were refused, not the user.
      browser.go("/#/webhooks");
      browser.visible(By.xpath("//h1[normalize-space()='All webhooks']"));
    }
  }

  @Test
  void aWrongPasswordShowsAnErrorAndLogsNothingSecret() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger hooklift = (Logger) LoggerFactory.getLogger("io.hooklift");
    Level rootLevel = root.getLevel();
    Level hookliftLevel = hooklift.getLevel();
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    root.addAppender(log);
    root.setLevel(Level.INFO);
    hooklift.setLevel(Level.ALL);
    String wrong = "not-the-password-7f3a9c";
    try (ConsoleBrowser browser = ConsoleBrowser.open(server.baseUri().toString())) {
      browser.go("/");
      browser.field("Username").sendKeys("admin");
      browser.field("Password or access token").sendKeys(wrong);
      browser.button("Log in").click();
      browser.waitForText(By.cssSelector(".form-error"), "Wrong username or password.");
      assertThat(browser.field("Password or access token").getAttribute("value")).isEmpty();
      browser.screenshot("12-wrong-password");
    } finally {
      root.detachAppender(log);
      root.setLevel(rootLevel);
      hooklift.setLevel(hookliftLevel);
    }
    assertThat(log.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(m -> m.contains(wrong) || m.contains(TestServers.ADMIN_PASSWORD));
  }

  private static void logIn(ConsoleBrowser browser, String user, String password) {
    browser.go("/");
    browser.field("Username").sendKeys(user);
    browser.field("Password or access token").sendKeys(password);
    browser.button("Log in").click();
    browser.visible(By.xpath("//h1[normalize-space()='Repositories']"));
  }
}
