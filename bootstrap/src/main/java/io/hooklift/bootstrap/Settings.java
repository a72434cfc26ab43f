package io.hooklift.bootstrap;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything an operator can configure, already parsed and checked. Read with {@link
 * #fromEnvironment()} (environment variables, plus the properties file named by {@code
 * HOOKLIFT_CONFIG}; the environment wins). A value that does not parse stops the start, naming the
 * setting.
 *
 * @param port HTTP port; 0 picks a free one
 * @param bind address the HTTP server listens on
 * @param dataDir directory of the embedded H2 database (unused when {@code dbUrl} is set)
 * @param dbUrl a JDBC URL of an external database instead of the embedded one
 * @param dbPoolSize connection pool size; empty means the persistence adapter's default
 * @param adminPassword password of the {@code admin} account created on first start
 * @param passwordIterations PBKDF2 iterations for new password hashes
 * @param maxBodyBytes largest accepted request body
 * @param egressAllow extra CIDR ranges deliveries may reach
 * @param retrySchedule delays between delivery attempts
 * @param retention how long finished deliveries, their attempts and events are kept
 * @param secretKey the key custom webhook headers are encrypted with ({@code HOOKLIFT_SECRET_KEY}:
 *     the base64 of 32 random bytes); kept as its text so settings compare by value
 * @param deliveryLease how long deliveries taken by an instance stay its own; after a crash, the
 *     time before another (or the restarted) instance takes them over
 * @param publicUrl the address users reach Hooklift at, when a proxy stands in front of it
 * @param sessionIdleTimeout how long a web console session may be unused before it ends
 * @param cluster how this instance shares deliveries with others on the same database
 * @param jsonLogs whether log lines are JSON objects ({@code HOOKLIFT_LOG_FORMAT=json}) rather than
 *     text
 * @param accessLog whether every HTTP request is logged ({@code HOOKLIFT_ACCESS_LOG}), without
 *     credentials or query strings
 */
public record Settings(
    int port,
    String bind,
    Path dataDir,
    Optional<String> dbUrl,
    Optional<String> dbUser,
    Optional<String> dbPassword,
    OptionalInt dbPoolSize,
    Optional<String> adminPassword,
    int passwordIterations,
    int maxBodyBytes,
    List<String> egressAllow,
    List<Duration> retrySchedule,
    Duration deliveryLease,
    Duration retention,
    Optional<String> registryToken,
    Optional<URI> registryUrl,
    Optional<String> registryHost,
    Optional<String> registryUser,
    Optional<String> registryPassword,
    boolean registryHeadIsPull,
    boolean registryCreateRepositories,
    Optional<String> secretKey,
    Optional<URI> publicUrl,
    Duration sessionIdleTimeout,
    Cluster cluster,
    boolean jsonLogs,
    boolean accessLog) {

  /**
   * How this instance shares deliveries with others on the same database.
   *
   * @param instanceId its name on the leases it holds ({@code HOOKLIFT_INSTANCE_ID}; by default the
   *     host name and a random suffix)
   * @param laneSize deliveries held in memory per endpoint host ({@code
   *     HOOKLIFT_DELIVERY_LANE_SIZE})
   * @param maxInMemory deliveries held in memory in all ({@code HOOKLIFT_DELIVERY_MAX_IN_MEMORY})
   */
  public record Cluster(String instanceId, int laneSize, int maxInMemory) {
    public Cluster {
      Objects.requireNonNull(instanceId, "instanceId");
    }
  }

  public Settings {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(dbUrl, "dbUrl");
    Objects.requireNonNull(dbUser, "dbUser");
    Objects.requireNonNull(dbPassword, "dbPassword");
    Objects.requireNonNull(dbPoolSize, "dbPoolSize");
    Objects.requireNonNull(adminPassword, "adminPassword");
    egressAllow = List.copyOf(egressAllow);
    retrySchedule = List.copyOf(retrySchedule);
    Objects.requireNonNull(deliveryLease, "deliveryLease");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(registryToken, "registryToken");
    Objects.requireNonNull(registryUrl, "registryUrl");
    Objects.requireNonNull(registryHost, "registryHost");
    Objects.requireNonNull(registryUser, "registryUser");
    Objects.requireNonNull(registryPassword, "registryPassword");
    Objects.requireNonNull(secretKey, "secretKey");
    Objects.requireNonNull(publicUrl, "publicUrl");
    Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
    Objects.requireNonNull(cluster, "cluster");
  }

  /** This instance's name in leases, logs, {@code /health} and {@code hooklift_build_info}. */
  public String instanceId() {
    return cluster.instanceId();
  }

  /** The 32 key bytes of {@link #secretKey}, which the reader has checked decode to that. */
  public Optional<byte[]> secretKeyBytes() {
    return secretKey.map(k -> java.util.Base64.getDecoder().decode(k));
  }

  /** The process environment, with {@code HOOKLIFT_CONFIG}'s file underneath it. */
  public static Settings fromEnvironment() {
    return from(System.getenv());
  }

  /** The given variables (and the file their {@code HOOKLIFT_CONFIG} names); tests pass a map. */
  public static Settings from(Map<String, String> environment) {
    return SettingsReader.read(environment);
  }

  public boolean embeddedDatabase() {
    return dbUrl.isEmpty();
  }

  /** Secrets stay out of logs: only whether they are set is shown. */
  @Override
  public String toString() {
    return "Settings[port="
        + port
        + ", bind="
        + bind
        + ", dataDir="
        + dataDir
        + ", dbUrl="
        + dbUrl.map(Settings::withoutQuery).orElse("(embedded H2)")
        + ", dbUser="
        + dbUser.orElse("")
        + ", dbPassword="
        + redacted(dbPassword)
        + ", dbPoolSize="
        + (dbPoolSize.isPresent() ? dbPoolSize.getAsInt() : "default")
        + ", adminPassword="
        + redacted(adminPassword)
        + ", passwordIterations="
        + passwordIterations
        + ", maxBodyBytes="
        + maxBodyBytes
        + ", egressAllow="
        + egressAllow
        + ", retrySchedule="
        + retrySchedule
        + ", deliveryLease="
        + deliveryLease
        + ", cluster="
        + cluster
        + ", retention="
        + retention
        + ", registryToken="
        + redacted(registryToken)
        + ", registryUrl="
        + registryUrl.map(URI::toString).orElse("")
        + ", registryHost="
        + registryHost.orElse("")
        + ", registryUser="
        + registryUser.orElse("")
        + ", registryPassword="
        + redacted(registryPassword)
        + ", registryHeadIsPull="
        + registryHeadIsPull
        + ", registryCreateRepositories="
        + registryCreateRepositories
        + ", secretKey="
        + redacted(secretKey)
        + ", publicUrl="
        + publicUrl.map(URI::toString).orElse("")
        + ", sessionIdleTimeout="
        + sessionIdleTimeout
        + ", cluster="
        + cluster
        + ", logFormat="
        + (jsonLogs ? "json" : "text")
        + ", accessLog="
        + accessLog
        + "]";
  }

  private static String redacted(Optional<String> secret) {
    return secret.isPresent() ? "(set)" : "(unset)";
  }

  /** JDBC URLs may carry a password as a query parameter. */
  private static String withoutQuery(String jdbcUrl) {
    int query = jdbcUrl.indexOf('?');
    return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?…";
  }
}
