package io.hooklift.domain.event;

import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.shared.JsonWriter;
import java.util.Objects;
import java.util.Optional;

/** A security scan of a tag could not finish. */
public record ScanFailedContents(ScannedTag scanned, String error) implements EventContents {

  public ScanFailedContents {
    Objects.requireNonNull(scanned, "scanned");
    Objects.requireNonNull(error, "error");
  }

  @Override
  public Optional<RepositoryPath> origin() {
    return Optional.of(scanned.path());
  }

  @Override
  public void writeFields(JsonWriter json) {
    scanned.writeFields(json);
    json.string("error", error);
  }
}
