package io.hooklift.domain.event;

import io.hooklift.domain.shared.JsonWriter;
import java.util.Objects;

/** A security scan of a tag finished. */
public record ScanCompletedContents(
    String namespace, String repository, String tag, String imageName, ScanSummary scanSummary)
    implements EventContents {

  public ScanCompletedContents {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(imageName, "imageName");
    Objects.requireNonNull(scanSummary, "scanSummary");
  }

  @Override
  public java.util.Optional<io.hooklift.domain.naming.RepositoryPath> origin() {
    return java.util.Optional.of(
        io.hooklift.domain.naming.RepositoryPath.of(namespace, repository));
  }

  @Override
  public void writeFields(JsonWriter json) {
    json.string("namespace", namespace)
        .string("repository", repository)
        .string("tag", tag)
        .string("imageName", imageName)
        .object("scanSummary", scanSummary::writeFields);
  }
}
