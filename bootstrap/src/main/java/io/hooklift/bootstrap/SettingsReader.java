package io.hooklift.bootstrap;

import io.hooklift.application.account.PasswordHashing;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges the properties file under the environment and turns the raw strings into {@link Settings}.
 * The file uses the same names as the environment ({@code HOOKLIFT_PORT=8080}) so one table in the
 * README documents both. An empty value counts as unset, which is what {@code VAR= java -jar …}
 * means.
 */
final class SettingsReader {

  static final String CONFIG = "HOOKLIFT_CONFIG";
  static final String PORT = "HOOKLIFT_PORT";
  static final String BIND = "HOOKLIFT_BIND";
  static final String DATA_DIR = "HOOKLIFT_DATA_DIR";
  static final String DB_URL = "HOOKLIFT_DB_URL";
  static final String DB_USER = "HOOKLIFT_DB_USER";
  static final String DB_PASSWORD = "HOOKLIFT_DB_PASSWORD";
  static final String DB_POOL_SIZE = "HOOKLIFT_DB_POOL_SIZE";
  static final String ADMIN_PASSWORD = "HOOKLIFT_ADMIN_PASSWORD";
  static final String PASSWORD_ITERATIONS = "HOOKLIFT_PASSWORD_ITERATIONS";
  static final String MAX_BODY_BYTES = "HOOKLIFT_MAX_BODY_BYTES";
  static final String EGRESS_ALLOW = "HOOKLIFT_EGRESS_ALLOW";
  static final String RETRY_SCHEDULE = "HOOKLIFT_RETRY_SCHEDULE";
  static final String DELIVERY_LEASE = "HOOKLIFT_DELIVERY_LEASE";
  static final String RETENTION = "HOOKLIFT_RETENTION";
  static final String REGISTRY_TOKEN = "HOOKLIFT_REGISTRY_TOKEN";
  static final String REGISTRY_URL = "HOOKLIFT_REGISTRY_URL";
  static final String REGISTRY_HOST = "HOOKLIFT_REGISTRY_HOST";
  static final String REGISTRY_USER = "HOOKLIFT_REGISTRY_USER";
  static final String REGISTRY_PASSWORD = "HOOKLIFT_REGISTRY_PASSWORD";
  static final String REGISTRY_HEAD_IS_PULL = "HOOKLIFT_REGISTRY_HEAD_IS_PULL";
  static final String REGISTRY_CREATE_REPOSITORIES = "HOOKLIFT_REGISTRY_CREATE_REPOSITORIES";
  static final String SECRET_KEY = "HOOKLIFT_SECRET_KEY";
  static final String PUBLIC_URL = "HOOKLIFT_PUBLIC_URL";
  static final String SESSION_IDLE_TIMEOUT = "HOOKLIFT_SESSION_IDLE_TIMEOUT";
  static final String INSTANCE_ID = "HOOKLIFT_INSTANCE_ID";
  static final String DELIVERY_LANE_SIZE = "HOOKLIFT_DELIVERY_LANE_SIZE";
  static final String DELIVERY_MAX_IN_MEMORY = "HOOKLIFT_DELIVERY_MAX_IN_MEMORY";
  static final String LOG_FORMAT = "HOOKLIFT_LOG_FORMAT";
  static final String ACCESS_LOG = "HOOKLIFT_ACCESS_LOG";

  static final Set<String> KNOWN =
      Set.of(
          CONFIG,
          PORT,
          BIND,
          DATA_DIR,
          DB_URL,
          DB_USER,
          DB_PASSWORD,
          DB_POOL_SIZE,
          ADMIN_PASSWORD,
          PASSWORD_ITERATIONS,
          MAX_BODY_BYTES,
          EGRESS_ALLOW,
          RETRY_SCHEDULE,
          DELIVERY_LEASE,
          RETENTION,
          REGISTRY_TOKEN,
          REGISTRY_URL,
          REGISTRY_HOST,
          REGISTRY_USER,
          REGISTRY_PASSWORD,
          REGISTRY_HEAD_IS_PULL,
          REGISTRY_CREATE_REPOSITORIES,
          SECRET_KEY,
          PUBLIC_URL,
          SESSION_IDLE_TIMEOUT,
          INSTANCE_ID,
          DELIVERY_LANE_SIZE,
          DELIVERY_MAX_IN_MEMORY,
          LOG_FORMAT,
          ACCESS_LOG);

  static final String DEFAULT_RETRY_SCHEDULE = "0s,5s,5m,30m,2h,5h,10h,10h";

  private static final Logger log = LoggerFactory.getLogger(SettingsReader.class);

  private final Map<String, String> values;

  private SettingsReader(Map<String, String> values) {
    this.values = values;
  }

  static Settings read(Map<String, String> environment) {
    Map<String, String> merged = new HashMap<>();
    Optional.ofNullable(blankToNull(environment.get(CONFIG)))
        .ifPresent(file -> merged.putAll(loadFile(file)));
    environment.forEach(
        (name, value) -> {
          if (name.startsWith("HOOKLIFT_") && blankToNull(value) != null) {
            merged.put(name, value.trim());
          }
        });
    warnAboutUnknownNames(merged);
    return new SettingsReader(merged).settings();
  }

  private Settings settings() {
    return new Settings(
        integer(PORT, 8080, 0, 65_535),
        text(BIND).orElse("0.0.0.0"),
        path(DATA_DIR).orElse(Path.of("data")),
        text(DB_URL).map(url -> SettingValues.jdbcUrl(DB_URL, url)),
        text(DB_USER),
        text(DB_PASSWORD),
        optionalInteger(DB_POOL_SIZE, 1, 1_000),
        text(ADMIN_PASSWORD),
        integer(PASSWORD_ITERATIONS, PasswordHashing.DEFAULT_ITERATIONS, 1, 100_000_000),
        integer(MAX_BODY_BYTES, 65_536, 1_024, 1 << 30),
        SettingValues.cidrs(EGRESS_ALLOW, text(EGRESS_ALLOW).orElse("")),
        SettingValues.durations(
            RETRY_SCHEDULE, text(RETRY_SCHEDULE).orElse(DEFAULT_RETRY_SCHEDULE)),
        SettingValues.duration(DELIVERY_LEASE, text(DELIVERY_LEASE).orElse("60s")),
        SettingValues.duration(RETENTION, text(RETENTION).orElse("30d")),
        text(REGISTRY_TOKEN),
        text(REGISTRY_URL).map(url -> SettingValues.httpUri(REGISTRY_URL, url)),
        text(REGISTRY_HOST),
        text(REGISTRY_USER),
        text(REGISTRY_PASSWORD),
        bool(REGISTRY_HEAD_IS_PULL, false),
        bool(REGISTRY_CREATE_REPOSITORIES, true),
        text(SECRET_KEY).map(key -> SettingValues.secretKey(SECRET_KEY, key)),
        text(PUBLIC_URL).map(url -> SettingValues.httpUri(PUBLIC_URL, url)),
        SettingValues.sessionIdleTimeout(
            SESSION_IDLE_TIMEOUT, text(SESSION_IDLE_TIMEOUT).orElse("30m")),
        new Settings.Cluster(
            text(INSTANCE_ID)
                .map(SettingsReader::instanceId)
                .orElseGet(ClusterDefaults::instanceId),
            integer(DELIVERY_LANE_SIZE, ClusterDefaults.LANE_SIZE, 1, 1_000_000),
            integer(DELIVERY_MAX_IN_MEMORY, ClusterDefaults.MAX_IN_MEMORY, 1, 10_000_000)),
        SettingValues.jsonLogs(LOG_FORMAT, text(LOG_FORMAT).orElse("text")),
        bool(ACCESS_LOG, false));
  }

  private static String instanceId(String value) {
    if (value.length() > 64 || !value.matches("[A-Za-z0-9._:-]+")) {
      throw new InvalidSettingException(
          INSTANCE_ID, "use 1 to 64 letters, digits and . _ : - (it names this instance's leases)");
    }
    return value;
  }

  private boolean bool(String name, boolean fallback) {
    return text(name)
        .map(
            value ->
                switch (value.toLowerCase(java.util.Locale.ROOT)) {
                  case "true", "yes", "on", "1" -> true;
                  case "false", "no", "off", "0" -> false;
                  default ->
                      throw new InvalidSettingException(
                          name, "'" + value + "' is not true or false");
                })
        .orElse(fallback);
  }

  private Optional<String> text(String name) {
    return Optional.ofNullable(values.get(name));
  }

  private Optional<Path> path(String name) {
    return text(name)
        .map(
            value -> {
              try {
                return Path.of(value);
              } catch (InvalidPathException e) {
                throw new InvalidSettingException(name, "'" + value + "' is not a usable path");
              }
            });
  }

  private int integer(String name, int fallback, int min, int max) {
    OptionalInt value = optionalInteger(name, min, max);
    return value.isPresent() ? value.getAsInt() : fallback;
  }

  private OptionalInt optionalInteger(String name, int min, int max) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(SettingValues.integer(name, raw.get(), min, max));
  }

  private static Map<String, String> loadFile(String file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException
        | IllegalArgumentException e) { // also InvalidPathException and bad escapes in the file
      throw new InvalidSettingException(
          CONFIG, "cannot read properties file '" + file + "' (" + e.getMessage() + ")");
    }
    Map<String, String> result = new HashMap<>();
    for (String name : properties.stringPropertyNames()) {
      String value = blankToNull(properties.getProperty(name));
      if (value != null) {
        result.put(name.trim(), value.trim());
      }
    }
    return result;
  }

  /** A misspelt name would otherwise be silently ignored and the default used. */
  private static void warnAboutUnknownNames(Map<String, String> merged) {
    Set<String> unknown = new TreeSet<>(merged.keySet());
    unknown.removeAll(KNOWN);
    if (!unknown.isEmpty()) {
      log.warn("Ignoring unknown settings {}; see the README for the supported names", unknown);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
