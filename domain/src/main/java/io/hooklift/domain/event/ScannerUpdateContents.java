package io.hooklift.domain.event;

import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.shared.JsonWriter;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** The vulnerability scanner's database was updated; keeps MSR's snake_case field names. */
public record ScannerUpdateContents(
    String scannerVersion,
    Instant scannerUpdatedAt,
    long dbVersion,
    Instant dbUpdatedAt,
    boolean success,
    Map<String, ReplicaUpdate> replicas)
    implements EventContents {

  /** How one replica took the update. */
  public record ReplicaUpdate(Instant dbUpdatedAt, String version, String replicaId) {
    public ReplicaUpdate {
      Objects.requireNonNull(dbUpdatedAt, "dbUpdatedAt");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(replicaId, "replicaId");
    }
  }

  public ScannerUpdateContents {
    Objects.requireNonNull(scannerVersion, "scannerVersion");
    Objects.requireNonNull(scannerUpdatedAt, "scannerUpdatedAt");
    Objects.requireNonNull(dbUpdatedAt, "dbUpdatedAt");
    replicas = new TreeMap<>(replicas); // sorted, so the rendered JSON is stable
  }

  @Override
  public Optional<RepositoryPath> origin() {
    return Optional.empty();
  }

  @Override
  public void writeFields(JsonWriter json) {
    json.string("scanner_version", scannerVersion)
        .time("scanner_updated_at", scannerUpdatedAt)
        .number("db_version", dbVersion)
        .time("db_updated_at", dbUpdatedAt)
        .bool("success", success)
        .objects(
            "replicas",
            replicas,
            (replica, r) ->
                r.time("db_updated_at", replica.dbUpdatedAt())
                    .string("version", replica.version())
                    .string("replica_id", replica.replicaId()));
  }
}
