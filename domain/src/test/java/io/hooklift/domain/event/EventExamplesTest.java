package io.hooklift.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.domain.naming.SubscriptionKey;
import org.junit.jupiter.api.Test;

class EventExamplesTest {

  @Test
  void tagPushExample_rendersTheSeedEnvelopeByteForByte() {
    String expected =
        "{\"type\":\"TAG_PUSH\",\"createdAt\":\"2019-05-15T19:39:40.607337713Z\",\"contents\":{"
            + "\"namespace\":\"foo\",\"repository\":\"bar\",\"tag\":\"latest\","
            + "\"digest\":\"sha256:b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c\","
            + "\"imageName\":\"foo/bar:latest\",\"os\":\"linux\",\"architecture\":\"amd64\",\"author\":\"\","
            + "\"pushedAt\":\"2015-01-02T15:04:05Z\"},\"location\":\"/repositories/foo/bar/tags/latest\"}";
    assertThat(EventExamples.example(EventType.TAG_PUSH).envelopeJson()).isEqualTo(expected);
  }

  @Test
  void everyType_hasAnExampleOfItsOwnType() {
    for (EventType type : EventType.values()) {
      Event example = EventExamples.example(type);
      assertThat(example.type()).isEqualTo(type);
      assertThat(example.envelopeJson()).startsWith("{\"type\":\"" + type + "\"").endsWith("}");
    }
  }

  @Test
  void pullsAndDeletes_nameTheirTimeFieldAfterTheAction() {
    assertThat(EventExamples.example(EventType.TAG_PULL).envelopeJson())
        .contains("\"pulledAt\"")
        .doesNotContain("pushedAt");
    assertThat(EventExamples.example(EventType.MANIFEST_DELETE).envelopeJson())
        .contains("\"deletedAt\"")
        .doesNotContain("\"tag\"");
  }

  @Test
  void scannerUpdate_keepsSnakeCaseNames() {
    assertThat(EventExamples.example(EventType.SCANNER_UPDATE_COMPLETED).envelopeJson())
        .contains(
            "\"scanner_version\"",
            "\"db_updated_at\"",
            "\"replicas\":{\"replica-1\":{",
            "\"replica_id\"");
  }

  @Test
  void repositoryEvent_matchesRepositoryNamespaceAndGlobalKeysButNotTheRepository() {
    assertThat(EventExamples.example(EventType.REPO_CREATED).matchingKeys())
        .extracting(SubscriptionKey::text)
        .containsExactly("foo", "");
    assertThat(EventExamples.example(EventType.TAG_PUSH).matchingKeys())
        .extracting(SubscriptionKey::text)
        .containsExactly("foo/bar", "foo", "");
  }
}
