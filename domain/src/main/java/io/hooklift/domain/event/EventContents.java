package io.hooklift.domain.event;

import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.shared.JsonWriter;
import java.util.Optional;

/**
 * What an event says, one record per content structure of the MSR documentation. Each renders its
 * own fields under the MSR names, so the delivered JSON is fixed by the domain.
 */
public sealed interface EventContents
    permits ImageContents,
        ScanCompletedContents,
        ScanFailedContents,
        PromotionContents,
        MirroringContents,
        RepositoryEventContents,
        ScannerUpdateContents {

  void writeFields(JsonWriter json);

  /**
   * The repository the event happened in, from the contents' namespace and repository (which must
   * therefore follow the registry grammar); empty for registry-wide events.
   */
  Optional<RepositoryPath> origin();

  /** Whether these contents are the structure MSR documents for {@code type}. */
  default boolean fits(EventType type) {
    return ContentShape.of(type).fits(type, this);
  }

  /** The contents as a JSON object. */
  default String toJson() {
    return JsonWriter.object(this::writeFields);
  }
}
