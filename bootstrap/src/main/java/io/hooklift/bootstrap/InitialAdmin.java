package io.hooklift.bootstrap;

import io.hooklift.application.account.FirstStart;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the {@code admin} account on an empty installation. Without a configured password a
 * random one is generated and logged exactly once, at creation, because there is no other way to
 * hand it to the operator; later starts find the account and neither log nor reset anything.
 */
final class InitialAdmin {

  private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);
  private static final int RANDOM_PASSWORD_BYTES = 18;

  private InitialAdmin() {}

  static void ensure(FirstStart firstStart, Optional<String> configuredPassword) {
    if (configuredPassword.isPresent()) {
      if (firstStart.ensureInitialAdmin(configuredPassword.get())) {
        log.info(
            "Created the system admin account 'admin' with the password from HOOKLIFT_ADMIN_PASSWORD");
      }
      return;
    }
    String generated = randomPassword();
    if (firstStart.ensureInitialAdmin(generated)) {
      log.warn(
          "\n==========================================================================\n"
              + "  Created the system admin account 'admin' with a random password:\n"
              + "      {}\n"
              + "  It is shown only this once. Set HOOKLIFT_ADMIN_PASSWORD to choose it.\n"
              + "==========================================================================",
          generated);
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[RANDOM_PASSWORD_BYTES];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
