package io.hooklift.domain.event;

import io.hooklift.domain.shared.JsonWriter;
import java.time.Instant;
import java.util.Objects;

/** The vulnerability counts of a finished scan, with MSR's snake_case status fields. */
public record ScanSummary(
    String namespace,
    String repository,
    String tag,
    long critical,
    long major,
    long minor,
    ScanStatus lastScanStatus,
    Instant checkCompletedAt) {

  public ScanSummary {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(lastScanStatus, "lastScanStatus");
    Objects.requireNonNull(checkCompletedAt, "checkCompletedAt");
  }

  void writeFields(JsonWriter json) {
    json.string("namespace", namespace)
        .string("repository", repository)
        .string("tag", tag)
        .number("critical", critical)
        .number("major", major)
        .number("minor", minor)
        .number("last_scan_status", lastScanStatus.code())
        .time("check_completed_at", checkCompletedAt);
  }
}
