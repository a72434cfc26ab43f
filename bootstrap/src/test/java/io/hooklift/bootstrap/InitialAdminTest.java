package io.hooklift.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.hooklift.bootstrap.Api.Caller;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What the start log tells an operator about {@code HOOKLIFT_ADMIN_PASSWORD}: a second start on the
 * same data keeps the admin's password, and says so instead of leaving every request to fail 401.
 */
class InitialAdminTest {

  @TempDir Path dataDir;

  private final Logger logger = (Logger) LoggerFactory.getLogger(InitialAdmin.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private Level configuredLevel;

  @BeforeEach
  void captureTheLog() {
    configuredLevel = logger.getLevel();
    logger.setLevel(Level.INFO); // the test configuration keeps io.hooklift at WARN
    logged.start();
    logger.addAppender(logged);
  }

  @AfterEach
  void releaseTheLog() {
    logger.detachAppender(logged);
    logger.setLevel(configuredLevel);
  }

  @Test
  void
      givenAnExistingAdmin_startWithAnotherAdminPassword_warnsOnceThatItWasIgnoredAndHowToStartAfresh() {
    startAndStop(TestServers.environment(dataDir));
    logged.list.clear();

    Map<String, String> env = TestServers.environment(dataDir);
    env.put("HOOKLIFT_ADMIN_PASSWORD", "a-different-password");
    try (HookliftServer second = HookliftServer.start(Settings.from(env))) {
      Api api = TestServers.api(second);
      Setup.expect(
          api.get(new Caller("admin", TestServers.ADMIN_PASSWORD), "/api/v0/accounts/admin"), 200);
      Setup.expect(
          api.get(new Caller("admin", "a-different-password"), "/api/v0/accounts/admin"), 401);
    }

    List<String> warnings = warnings();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0))
        .doesNotContain("\n")
        .contains("HOOKLIFT_ADMIN_PASSWORD was ignored because the admin account already exists")
        .contains("keeps the password it was created with")
        .contains("an empty HOOKLIFT_DATA_DIR (this one is " + dataDir.toAbsolutePath() + ")")
        .doesNotContain("a-different-password");
  }

  @Test
  void firstStartWithAdminPassword_createsTheAdminWithoutWarning() {
    startAndStop(TestServers.environment(dataDir));

    assertThat(warnings()).isEmpty();
    assertThat(logged.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly(
            "Created the system admin account 'admin' with the password from HOOKLIFT_ADMIN_PASSWORD");
  }

  @Test
  void givenAnExistingAdmin_startWithoutAdminPassword_logsNothingAboutTheAdmin() {
    startAndStop(TestServers.environment(dataDir));
    logged.list.clear();

    Map<String, String> env = TestServers.environment(dataDir);
    env.remove("HOOKLIFT_ADMIN_PASSWORD");
    startAndStop(env);

    assertThat(logged.list).isEmpty();
  }

  private static void startAndStop(Map<String, String> env) {
    HookliftServer.start(Settings.from(env)).close();
  }

  private List<String> warnings() {
    return logged.list.stream()
        .filter(event -> event.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }
}
