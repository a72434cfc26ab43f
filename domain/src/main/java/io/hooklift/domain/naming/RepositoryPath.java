package io.hooklift.domain.naming;

import java.util.Objects;

/** {@code namespace/repository}: the full name of a repository. */
public record RepositoryPath(NamespaceName namespace, RepositoryName name) {

  public RepositoryPath {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  public static RepositoryPath of(String namespace, String name) {
    return new RepositoryPath(new NamespaceName(namespace), new RepositoryName(name));
  }

  /** Where the repository lives in the API, as events name it in {@code location}. */
  public String location() {
    return "/repositories/" + this;
  }

  @Override
  public String toString() {
    return namespace.value() + "/" + name.value();
  }
}
