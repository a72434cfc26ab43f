package io.hooklift.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code java -jar hooklift.jar}: reads the settings, starts the server and stops it on SIGTERM or
 * Ctrl-C. Exit code 2 means the configuration is wrong, 1 that starting failed for another reason.
 */
public final class Main {

  static final int EXIT_BAD_CONFIGURATION = 2;
  static final int EXIT_START_FAILED = 1;

  private Main() {}

  public static void main(String[] args) {
    // Jersey, Jetty and HK2 log through java.util.logging; route it into Logback's one format.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    Logger log = LoggerFactory.getLogger(Main.class);

    Settings settings;
    try {
      settings = Settings.fromEnvironment();
    } catch (InvalidSettingException e) {
      log.error("Invalid configuration: {}", e.getMessage());
      System.exit(EXIT_BAD_CONFIGURATION);
      return;
    }
    LogSetup.apply(settings);
    log.info("Instance {}", settings.instanceId());
    JitInliningLimit.add();

    HookliftServer server;
    try {
      server = HookliftServer.start(settings);
    } catch (InvalidSettingException e) {
      log.error("Invalid configuration: {}", e.getMessage());
      System.exit(EXIT_BAD_CONFIGURATION);
      return;
    } catch (RuntimeException e) {
      log.error("Hooklift could not start: {}", causes(e));
      log.debug("Start failure", e);
      System.exit(EXIT_START_FAILED);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "hooklift-shutdown"));
  }

  /**
   * The chain of messages, which names the real problem (refused connection, locked file) in one
   * line.
   */
  static String causes(Throwable error) {
    StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
    for (Throwable cause = error.getCause();
        cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
        text.append(" <- ").append(cause.getMessage());
      }
    }
    return text.toString();
  }
}
