package io.hooklift.domain.event;

import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.repository.CodeRepository;
import io.hooklift.domain.shared.JsonWriter;
import java.util.Objects;
import java.util.Optional;

/**
 * A repository was created, updated or deleted. {@code data} has the shape of the repository API's
 * response; for a deletion it is the repository as it was just before.
 */
public record RepositoryEventContents(EventType event, String author, CodeRepository data)
    implements EventContents {

  public RepositoryEventContents {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(data, "data");
    if (event.scope() != EventScope.NAMESPACE) {
      throw new IllegalArgumentException("not a repository event: " + event);
    }
  }

  @Override
  public Optional<RepositoryPath> origin() {
    return Optional.of(data.path());
  }

  @Override
  public void writeFields(JsonWriter json) {
    json.string("namespace", data.path().namespace().value())
        .string("repository", data.path().name().value())
        .string("event", event.name())
        .string("author", author)
        .object("data", data::writeFields);
  }
}
