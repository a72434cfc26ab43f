package io.hooklift.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The build's version, from a resource Maven fills in; shown in {@code User-Agent:
 * Hooklift/<version>}.
 */
final class Version {

  private Version() {}

  static String current() {
    try (InputStream in = Version.class.getResourceAsStream("/hooklift-version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
