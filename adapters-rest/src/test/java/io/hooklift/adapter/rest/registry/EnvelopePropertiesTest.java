package io.hooklift.adapter.rest.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hooklift.adapter.rest.JsonMutator;
import io.hooklift.adapter.rest.error.ApiException;
import io.hooklift.domain.registry.NotificationInterpreter;
import io.hooklift.domain.registry.RegistryNotification;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded property test: Distribution envelopes recorded from a real registry, mutated, are read
 * leniently (unusable events counted, never an exception) and every notification read is either an
 * image change or dropped by the interpreter, never an exception.
 */
class EnvelopePropertiesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CASES = 1500;
  private static final List<String> FIXTURES =
      List.of(
          "push-by-tag/01",
          "push-by-tag/03",
          "delete-by-digest/01",
          "pull-by-tag/01",
          "push-oci-index/01",
          "head-manifest-by-tag/01");

  static Stream<JsonNode> envelopes() {
    List<JsonNode> valid = new ArrayList<>();
    for (String f : FIXTURES) {
      try (InputStream in =
          EnvelopePropertiesTest.class.getResourceAsStream("/distribution/" + f + ".body")) {
        assertThat(in).as(f).isNotNull();
        valid.add(JSON.readTree(in));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    Random r = new Random(20261204L);
    return IntStream.range(0, CASES)
        .mapToObj(i -> JsonMutator.mutate(valid.get(r.nextInt(valid.size())), r));
  }

  @ParameterizedTest
  @MethodSource("envelopes")
  void mutatedEnvelopes_areReadLeniently_andInterpretedWithoutExceptions(JsonNode envelope) {
    NotificationEnvelopeParser.Parsed parsed;
    try {
      parsed = NotificationEnvelopeParser.parse(envelope);
    } catch (ApiException notAnEnvelope) {
      assertThat(envelope.path("events").isArray()).as("%s", envelope).isFalse();
      return;
    }
    NotificationInterpreter interpreter = new NotificationInterpreter(false, "Hooklift/test");
    for (RegistryNotification n : parsed.notifications()) {
      assertThat(interpreter.read(n, Instant.parse("2026-12-04T10:00:00Z"))).isNotNull();
    }
  }
}
