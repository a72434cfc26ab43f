package io.hooklift.domain.event;

import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.shared.JsonWriter;
import java.util.Objects;

/** The tag a security scan was about: the fields SCAN_COMPLETED and SCAN_FAILED share. */
public record ScannedTag(String namespace, String repository, String tag, String imageName) {

  public ScannedTag {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(imageName, "imageName");
  }

  RepositoryPath path() {
    return RepositoryPath.of(namespace, repository);
  }

  void writeFields(JsonWriter json) {
    json.string("namespace", namespace)
        .string("repository", repository)
        .string("tag", tag)
        .string("imageName", imageName);
  }
}
