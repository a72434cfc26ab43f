package io.hooklift.adapter.rest.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hooklift.adapter.rest.JsonMutator;
import io.hooklift.domain.event.EventExamples;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.shared.InvalidInput;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded property test: every event type's example contents, mutated (fields removed or given
 * values of other types, sizes and contents), are either read or refused with {@link InvalidInput}
 * naming a field, never another exception.
 */
class EventContentsPropertiesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CASES_PER_TYPE = 60;

  static Stream<Object[]> cases() {
    Random r = new Random(20261204L);
    return Stream.of(EventType.values())
        .flatMap(
            type -> {
              JsonNode contents = contentsOf(type);
              return IntStream.range(0, CASES_PER_TYPE)
                  .mapToObj(i -> new Object[] {type, JsonMutator.mutate(contents, r)});
            });
  }

  private static JsonNode contentsOf(EventType type) {
    try {
      return JSON.readTree(EventExamples.example(type).envelopeJson()).path("contents");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void mutatedContents_areReadOrRefusedNamingAField(EventType type, JsonNode contents) {
    try {
      EventContentsParser.parse(type, ContentFields.root("contents", contents));
    } catch (InvalidInput refused) {
      assertThat(refused.detail().get("field")).as(refused.getMessage()).startsWith("contents");
    } catch (RuntimeException other) {
      throw new AssertionError(type + " " + contents + " threw " + other, other);
    }
  }
}
