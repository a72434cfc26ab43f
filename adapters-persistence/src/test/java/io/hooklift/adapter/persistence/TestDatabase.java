package io.hooklift.adapter.persistence;

import io.hooklift.adapter.persistence.subscription.HeaderCipher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A started {@link PersistenceModule} per top-level test class (its @Nested classes share it) on a
 * database of its own, emptied before each test: an H2 file database in a temporary directory (the
 * production URL, its write delay included), or a fresh schema in the PostgreSQL database named by
 * {@code hooklift.test.postgres.url}, dropped afterwards so reruns start clean.
 */
final class TestDatabase implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

  /** Children before parents, so foreign keys never object. */
  private static final String[] TABLES = {
    "event_feed",
    "event_feed_inbox",
    "delivery_attempts",
    "deliveries",
    "team_repository_access",
    "team_members",
    "memberships",
    "access_tokens",
    "teams",
    "repositories",
    "subscriptions",
    "events",
    "accounts",
    "registry_sightings",
    "registry_manifests",
    "registry_tags",
    "registry_digest_deletes"
  };

  /** The custom-header key of every test database (contract tests store headers). */
  static final byte[] TEST_KEY = new byte[HeaderCipher.KEY_BYTES];

  static {
    java.util.Arrays.fill(TEST_KEY, (byte) 42);
  }

  private final boolean postgres;
  private Path h2Directory;
  private String schema;
  private PersistenceModule module;

  private TestDatabase(boolean postgres) {
    this.postgres = postgres;
  }

  static TestDatabase h2() {
    return new TestDatabase(false);
  }

  static TestDatabase postgres() {
    return new TestDatabase(true);
  }

  PersistenceModule module() {
    return module;
  }

  /** Settings for the database this fixture created, to start a second module on it. */
  DatabaseSettings settings() {
    if (!postgres) {
      return DatabaseSettings.embeddedH2(h2Directory);
    }
    String url = PostgresAdmin.url();
    return new DatabaseSettings(
        url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
        PostgresAdmin.user(),
        "",
        4);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (isNested(context)) {
      return; // @Nested contract classes share the enclosing class's database
    }
    if (postgres) {
      schema = "hooklift_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      PostgresAdmin.createDatabaseIfMissing();
      PostgresAdmin.execute("CREATE SCHEMA " + schema);
    } else {
      h2Directory = Files.createTempDirectory("hooklift-h2-");
    }
    module = PersistenceModule.start(settings(), HeaderCipher.withKey(TEST_KEY));
  }

  @Override
  public void beforeEach(ExtensionContext context) throws SQLException {
    try (Connection connection = module.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String table : TABLES) {
        statement.executeUpdate("DELETE FROM " + table);
      }
    }
  }

  /** What retention will do to an old event; the Events port has no delete yet. */
  void deleteEvent(UUID eventId) {
    try (Connection connection = module.dataSource().getConnection();
        PreparedStatement delete = connection.prepareStatement("DELETE FROM events WHERE id = ?")) {
      delete.setObject(1, eventId);
      if (delete.executeUpdate() != 1) {
        throw new IllegalStateException("no event " + eventId);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (isNested(context)) {
      return;
    }
    if (module != null) {
      module.close();
    }
    if (postgres) {
      PostgresAdmin.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } else if (h2Directory != null) {
      deleteRecursively(h2Directory);
    }
  }

  /**
   * JUnit calls class-level callbacks of an enclosing class's extension for each nested class too.
   */
  private static boolean isNested(ExtensionContext context) {
    return context.getRequiredTestClass().getEnclosingClass() != null;
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Plain JDBC against the test database, for what must happen before and after the module runs.
   */
  static final class PostgresAdmin {

    private PostgresAdmin() {}

    static String url() {
      return System.getProperty(
          "hooklift.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/hooklift_test");
    }

    static String user() {
      return System.getProperty("hooklift.test.postgres.user", "postgres");
    }

    static void execute(String sql) throws SQLException {
      try (Connection connection = DriverManager.getConnection(url(), user(), "");
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      }
    }

    /** Connects to the maintenance database {@code postgres} and creates the test database once. */
    static void createDatabaseIfMissing() throws SQLException {
      String url = url();
      int slash = url.indexOf('/', "jdbc:postgresql://".length());
      int options = url.indexOf('?', slash);
      String database = options < 0 ? url.substring(slash + 1) : url.substring(slash + 1, options);
      String maintenanceUrl =
          url.substring(0, slash + 1) + "postgres" + (options < 0 ? "" : url.substring(options));
      try (Connection connection = DriverManager.getConnection(maintenanceUrl, user(), "");
          PreparedStatement exists =
              connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        exists.setString(1, database);
        if (exists.executeQuery().next()) {
          return;
        }
        try (Statement create = connection.createStatement()) {
          create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
          if (!"42P04".equals(e.getSQLState())) { // duplicate_database: a parallel run won the race
            throw e;
          }
        }
      }
    }
  }
}
