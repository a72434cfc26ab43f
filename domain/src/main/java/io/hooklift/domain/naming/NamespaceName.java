package io.hooklift.domain.naming;

/** The name of an account (user or organization), which is also its namespace. */
public record NamespaceName(String value) {

  public NamespaceName {
    NameGrammar.check("namespace", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
