package io.hooklift.adapter.persistence.registry;

import io.hooklift.adapter.persistence.Jdbc;
import io.hooklift.adapter.persistence.JdbcUnitOfWork;
import io.hooklift.application.port.RegistryIndex;
import io.hooklift.domain.registry.Platform;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@link RegistryIndex} on the {@code registry_*} tables, in plain JDBC on the transaction's
 * connection: single-row statements on primary keys, with nothing for a Hibernate session to track.
 *
 * <p>Writes that may meet an existing row differ by database ({@link JdbcUnitOfWork#onPostgres}):
 * PostgreSQL has {@code INSERT … ON CONFLICT}, H2 has {@code MERGE … KEY}; neither understands the
 * other's. On PostgreSQL a sighting inserted by a concurrent, uncommitted transaction makes the
 * insert wait for it and then count as seen. On H2 (one process) the sighting is checked, then
 * inserted; a concurrent duplicate fails on the primary key, the transaction rolls back and the
 * registry, answered 503, sends the event again.
 */
public final class JdbcRegistryIndex implements RegistryIndex {

  /** Between platforms; {@link Platform#toString()} uses only '/'. */
  private static final String PLATFORM_SEPARATOR = ";";

  private final JdbcUnitOfWork unitOfWork;

  public JdbcRegistryIndex(JdbcUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public boolean handled(String notificationId) {
    return Jdbc.work(
        unitOfWork,
        connection ->
            exists(connection, "SELECT 1 FROM registry_sightings WHERE id = ?", notificationId));
  }

  @Override
  public boolean firstSighting(String notificationId, Instant receivedAt) {
    return Jdbc.work(
        unitOfWork,
        connection -> {
          if (!unitOfWork.onPostgres()
              && exists(
                  connection, "SELECT 1 FROM registry_sightings WHERE id = ?", notificationId)) {
            return false;
          }
          String insert =
              unitOfWork.onPostgres()
                  ? "INSERT INTO registry_sightings (id, received_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING"
                  : "INSERT INTO registry_sightings (id, received_at) VALUES (?, ?)";
          try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, notificationId);
            Jdbc.setInstant(statement, 2, receivedAt);
            return statement.executeUpdate() == 1;
          }
        });
  }

  @Override
  public Optional<KnownManifest> manifest(String repository, String digest) {
    return Jdbc.work(
        unitOfWork,
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT platforms, artifact_type FROM registry_manifests"
                      + " WHERE repository = ? AND digest = ?")) {
            select.setString(1, repository);
            select.setString(2, digest);
            try (ResultSet rs = select.executeQuery()) {
              return rs.next()
                  ? Optional.of(
                      new KnownManifest(
                          repository,
                          digest,
                          platforms(rs.getString(1)),
                          Optional.ofNullable(rs.getString(2))))
                  : Optional.empty();
            }
          }
        });
  }

  @Override
  public void rememberManifest(KnownManifest manifest) {
    Jdbc.work(
        unitOfWork,
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  unitOfWork.onPostgres()
                      ? "INSERT INTO registry_manifests (repository, digest, platforms, artifact_type)"
                          + " VALUES (?, ?, ?, ?) ON CONFLICT (repository, digest) DO UPDATE"
                          + " SET platforms = EXCLUDED.platforms,"
                          + " artifact_type = EXCLUDED.artifact_type"
                      : "MERGE INTO registry_manifests (repository, digest, platforms, artifact_type)"
                          + " KEY (repository, digest) VALUES (?, ?, ?, ?)")) {
            statement.setString(1, manifest.repository());
            statement.setString(2, manifest.digest());
            statement.setString(3, text(manifest.platforms()));
            statement.setString(4, manifest.artifactType().orElse(null));
            return statement.executeUpdate();
          }
        });
  }

  @Override
  public Optional<String> taggedDigest(String repository, String tag) {
    return Jdbc.work(
        unitOfWork,
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT digest FROM registry_tags WHERE repository = ? AND tag = ?")) {
            select.setString(1, repository);
            select.setString(2, tag);
            try (ResultSet rs = select.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public void rememberTag(String repository, String tag, String digest) {
    upsert(
        "INSERT INTO registry_tags (repository, tag, digest) VALUES (?, ?, ?)"
            + " ON CONFLICT (repository, tag) DO UPDATE SET digest = EXCLUDED.digest",
        "MERGE INTO registry_tags (repository, tag, digest) KEY (repository, tag) VALUES (?, ?, ?)",
        repository,
        tag,
        digest);
  }

  @Override
  public void forgetTag(String repository, String tag) {
    Jdbc.work(
        unitOfWork,
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM registry_tags WHERE repository = ? AND tag = ?")) {
            delete.setString(1, repository);
            delete.setString(2, tag);
            return delete.executeUpdate();
          }
        });
  }

  @Override
  public void rememberDigestDelete(DigestDelete delete) {
    Jdbc.work(
        unitOfWork,
        connection -> {
          String sql =
              unitOfWork.onPostgres()
                  ? "INSERT INTO registry_digest_deletes (request_id, repository, digest, announced, received_at)"
                      + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (request_id, repository) DO UPDATE SET digest = EXCLUDED.digest,"
                      + " announced = EXCLUDED.announced, received_at = EXCLUDED.received_at"
                  : "MERGE INTO registry_digest_deletes (request_id, repository, digest, announced, received_at)"
                      + " KEY (request_id, repository) VALUES (?, ?, ?, ?, ?)";
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, delete.requestId());
            statement.setString(2, delete.repository());
            statement.setString(3, delete.digest());
            statement.setBoolean(4, delete.announced());
            Jdbc.setInstant(statement, 5, delete.receivedAt());
            return statement.executeUpdate();
          }
        });
  }

  @Override
  public Optional<DigestDelete> digestDelete(String requestId, String repository) {
    return Jdbc.work(
        unitOfWork,
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT digest, announced, received_at FROM registry_digest_deletes WHERE request_id = ? AND repository = ?")) {
            select.setString(1, requestId);
            select.setString(2, repository);
            try (ResultSet rs = select.executeQuery()) {
              return rs.next()
                  ? Optional.of(
                      new DigestDelete(
                          requestId,
                          repository,
                          rs.getString(1),
                          rs.getBoolean(2),
                          Jdbc.instant(rs, 3)))
                  : Optional.empty();
            }
          }
        });
  }

  @Override
  public int forgetSightingsBefore(Instant cutoff) {
    return Jdbc.work(
        unitOfWork,
        connection -> {
          deleteBefore(
              connection, "DELETE FROM registry_digest_deletes WHERE received_at < ?", cutoff);
          return deleteBefore(
              connection, "DELETE FROM registry_sightings WHERE received_at < ?", cutoff);
        });
  }

  private static int deleteBefore(Connection connection, String sql, Instant cutoff)
      throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(sql)) {
      Jdbc.setInstant(delete, 1, cutoff);
      return delete.executeUpdate();
    }
  }

  /**
   * Inserts or replaces one row, with the statement for this database; both take the same three
   * strings.
   */
  private void upsert(String postgresSql, String h2Sql, String first, String second, String value) {
    Jdbc.work(
        unitOfWork,
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(unitOfWork.onPostgres() ? postgresSql : h2Sql)) {
            statement.setString(1, first);
            statement.setString(2, second);
            statement.setString(3, value);
            return statement.executeUpdate();
          }
        });
  }

  private static boolean exists(Connection connection, String sql, String key) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, key);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    }
  }

  static String text(List<Platform> platforms) {
    return platforms.stream()
        .map(Platform::toString)
        .collect(Collectors.joining(PLATFORM_SEPARATOR));
  }

  /** Reads {@link #text} back; '' is no platform at all, not one unknown platform ("/"). */
  static List<Platform> platforms(String text) {
    return text.isEmpty()
        ? List.of()
        : Arrays.stream(text.split(PLATFORM_SEPARATOR, -1)).map(Platform::parse).toList();
  }
}
