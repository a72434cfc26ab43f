package io.hooklift.domain.event;

import io.hooklift.domain.shared.JsonWriter;
import java.util.Objects;

/** A security scan of a tag could not finish. */
public record ScanFailedContents(
    String namespace, String repository, String tag, String imageName, String error)
    implements EventContents {

  public ScanFailedContents {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(imageName, "imageName");
    Objects.requireNonNull(error, "error");
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
        .string("error", error);
  }
}
