package io.hooklift.domain.naming;

/** The name of a repository inside its namespace (the part after the slash). */
public record RepositoryName(String value) {

  public RepositoryName {
    NameGrammar.check("repository", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
