package io.hooklift.domain.naming;

import io.hooklift.domain.shared.InvalidInput;
import java.util.Optional;

/**
 * What a subscription listens to: everything ({@link Global}), one namespace, or one repository.
 * The wire form is {@code ""}, {@code ns} or {@code ns/repo}.
 */
public sealed interface SubscriptionKey {

  /** The form clients send and see. */
  String text();

  /** The namespace the key lies in, if any. */
  Optional<NamespaceName> namespace();

  /** No key: every repository and namespace. Only system admins may subscribe this way. */
  record Global() implements SubscriptionKey {
    @Override
    public String text() {
      return "";
    }

    @Override
    public Optional<NamespaceName> namespace() {
      return Optional.empty();
    }
  }

  /** All repositories in one namespace, or the namespace's own events. */
  record OfNamespace(NamespaceName name) implements SubscriptionKey {
    @Override
    public String text() {
      return name.value();
    }

    @Override
    public Optional<NamespaceName> namespace() {
      return Optional.of(name);
    }
  }

  /** One repository. */
  record OfRepository(RepositoryPath path) implements SubscriptionKey {
    @Override
    public String text() {
      return path.toString();
    }

    @Override
    public Optional<NamespaceName> namespace() {
      return Optional.of(path.namespace());
    }
  }

  /** Parses the wire form; {@code null} or empty means global. */
  static SubscriptionKey parse(String text) {
    if (text == null || text.isEmpty()) {
      return new Global();
    }
    String[] parts = text.split("/", -1);
    try {
      if (parts.length == 1) {
        return new OfNamespace(new NamespaceName(parts[0]));
      }
      if (parts.length == 2) {
        return new OfRepository(RepositoryPath.of(parts[0], parts[1]));
      }
    } catch (InvalidInput e) {
      throw InvalidInput.field(
          "key", "key '" + NameGrammar.printable(text) + "': " + e.getMessage());
    }
    throw InvalidInput.field(
        "key",
        "key must be 'namespace' or 'namespace/repository', got '"
            + NameGrammar.printable(text)
            + "'");
  }
}
