package io.hooklift.bootstrap;

import io.hooklift.application.account.FirstStart;
import io.hooklift.application.account.PasswordHashing;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the {@code admin} account on an empty installation. Without a configured password a
 * random one is generated and logged exactly once, at creation, because there is no other way to
 * hand it to the operator; later starts find the account and reset nothing. A password configured
 * for such a later start is therefore ignored, and the log says so: otherwise an operator who set
 * it only sees every request answered 401.
 *
 * <p>Hashing the password (600,000 PBKDF2 rounds) takes about a second while the JIT is still cold,
 * after the database is ready it was the last second of a fresh start. So when the installation is
 * expected to be empty (an embedded database whose file does not exist yet) the hash is computed
 * from the first moment, beside the schema migration; otherwise only when the account is missing.
 */
final class InitialAdmin {

  private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);
  private static final int RANDOM_PASSWORD_BYTES = 18;

  private final String password;
  private final boolean configured;
  private final Supplier<String> hash;

  private InitialAdmin(String password, boolean configured, Supplier<String> hash) {
    this.password = password;
    this.configured = configured;
    this.hash = hash;
  }

  /**
   * @param expectEmpty whether to start hashing the password now, on a thread of its own
   */
  static InitialAdmin prepare(
      Optional<String> configuredPassword, PasswordHashing passwords, boolean expectEmpty) {
    String password = configuredPassword.orElseGet(InitialAdmin::randomPassword);
    if (!expectEmpty) {
      return new InitialAdmin(
          password, configuredPassword.isPresent(), () -> passwords.hash(password));
    }
    CompletableFuture<String> ahead = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                ahead.complete(passwords.hash(password));
              } catch (RuntimeException | Error e) {
                ahead.completeExceptionally(e);
              }
            },
            "initial-admin-hash");
    thread.setDaemon(true);
    thread.start();
    return new InitialAdmin(password, configuredPassword.isPresent(), () -> join(ahead));
  }

  /**
   * @param freshStart how the operator gets an empty installation, for the log line that says a
   *     configured password was ignored (e.g. "an empty HOOKLIFT_DATA_DIR")
   */
  void ensure(FirstStart firstStart, String freshStart) {
    boolean created = firstStart.ensureInitialAdmin(hash);
    if (configured && created) {
      log.info(
          "Created the system admin account 'admin' with the password from HOOKLIFT_ADMIN_PASSWORD");
    } else if (configured) {
      log.warn(
          "HOOKLIFT_ADMIN_PASSWORD was ignored because the admin account already exists: it keeps"
              + " the password it was created with. To start afresh with this password, stop"
              + " Hooklift and start it on {}.",
          freshStart);
    } else if (created) {
      log.warn(
          "\n==========================================================================\n"
              + "  Created the system admin account 'admin' with a random password:\n"
              + "      {}\n"
              + "  It is shown only this once. Set HOOKLIFT_ADMIN_PASSWORD to choose it.\n"
              + "==========================================================================",
          password);
    }
  }

  /**
   * {@link #ensure} on a thread of its own, once {@code databaseReady} returns, so that it overlaps
   * the HTTP server's set-up. {@link #await} it before answering requests.
   */
  CompletableFuture<Void> ensureInBackground(
      Runnable databaseReady, FirstStart firstStart, String freshStart) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                databaseReady.run();
                ensure(firstStart, freshStart);
                done.complete(null);
              } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
              }
            },
            "initial-admin");
    thread.setDaemon(true);
    thread.start();
    return done;
  }

  /** Waits for {@link #ensureInBackground} and throws what it threw. */
  static void await(CompletableFuture<Void> ensured) {
    join(ensured);
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** Where an empty installation comes from, in the operator's terms. */
  static String freshStart(Settings settings) {
    return settings.embeddedDatabase()
        ? "an empty HOOKLIFT_DATA_DIR (this one is " + settings.dataDir().toAbsolutePath() + ")"
        : "an empty database (HOOKLIFT_DB_URL)";
  }

  private static String randomPassword() {
    byte[] bytes = new byte[RANDOM_PASSWORD_BYTES];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
