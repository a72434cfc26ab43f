package io.hooklift.domain.event;

import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.shared.JsonWriter;
import java.util.Objects;
import java.util.Optional;

/** A security scan of a tag finished. */
public record ScanCompletedContents(ScannedTag scanned, ScanSummary scanSummary)
    implements EventContents {

  public ScanCompletedContents {
    Objects.requireNonNull(scanned, "scanned");
    Objects.requireNonNull(scanSummary, "scanSummary");
  }

  @Override
  public Optional<RepositoryPath> origin() {
    return Optional.of(scanned.path());
  }

  @Override
  public void writeFields(JsonWriter json) {
    scanned.writeFields(json);
    json.object("scanSummary", scanSummary::writeFields);
  }
}
