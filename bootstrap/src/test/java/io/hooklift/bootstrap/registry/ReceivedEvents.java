package io.hooklift.bootstrap.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hooklift.bootstrap.delivery.Receiver.Request;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a subscriber received, read back as MSR events of namespace {@code foo}: one line per event
 * for comparing what arrived with what should have, and the contents of the events of one type.
 */
final class ReceivedEvents {

  static final Set<String> IMAGE_TYPES =
      Set.copyOf(HookliftUnderTest.REGISTRY_EVENT_TYPES.subList(0, 6));

  private final List<Request> requests;

  ReceivedEvents(List<Request> requests) {
    this.requests = List.copyOf(requests);
  }

  List<Request> requests() {
    return requests;
  }

  /** Each event as {@link #describe} writes it. */
  List<String> described() {
    return requests.stream().map(r -> describe(r.json())).toList();
  }

  /** The contents of every event of that type. */
  List<JsonNode> contents(String type) {
    return requests.stream()
        .map(Request::json)
        .filter(e -> e.path("type").asText().equals(type))
        .map(e -> e.path("contents"))
        .toList();
  }

  /** The contents of every event of that type in {@code foo/<repository>}. */
  List<JsonNode> contents(String type, String repository) {
    return contents(type).stream()
        .filter(c -> c.path("repository").asText().equals(repository))
        .toList();
  }

  /**
   * The contents of the one event of that type in {@code foo/<repository>}; fails if there are more
   * or none.
   */
  JsonNode only(String type, String repository) {
    List<JsonNode> found = contents(type, repository);
    assertThat(found).as("%s events of foo/%s", type, repository).hasSize(1);
    return found.get(0);
  }

  /** One line per event, for comparing what arrived with what should have. */
  static String describe(JsonNode envelope) {
    String type = envelope.path("type").asText();
    JsonNode c = envelope.path("contents");
    if (!IMAGE_TYPES.contains(type)) {
      return type + " " + c.path("namespace").asText() + "/" + c.path("repository").asText();
    }
    return String.join(
        " ",
        type,
        c.path("namespace").asText()
            + "/"
            + c.path("repository").asText()
            + (c.has("tag") ? ":" + c.path("tag").asText() : ""),
        c.path("digest").asText(),
        c.path("imageName").asText(),
        platform(c),
        "by " + c.path("author").asText());
  }

  /** The line {@link #describe} writes for that image event in {@code foo/<repository>}. */
  static String image(
      String type, String repository, String tag, String digest, String platform, String author) {
    String name =
        HookliftUnderTest.REGISTRY_HOST
            + "/foo/"
            + repository
            + (type.startsWith("TAG_") ? ":" + tag : "@" + digest);
    return String.join(
        " ",
        type,
        "foo/" + repository + (tag == null ? "" : ":" + tag),
        digest,
        name,
        platform,
        "by " + author);
  }

  static String platform(JsonNode contents) {
    return contents.path("os").asText() + "/" + contents.path("architecture").asText();
  }

  /** The string fields of an image event's contents, in order, without its time field. */
  static List<Map.Entry<String, String>> fields(JsonNode contents) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : contents.properties()) {
      if (!field.getKey().endsWith("At")) {
        fields.put(field.getKey(), field.getValue().asText());
      }
    }
    return List.copyOf(fields.entrySet());
  }

  static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /**
   * The name of an image event's time field: {@code pushedAt}, {@code pulledAt} or {@code
   * deletedAt}.
   */
  static String timeField(String type) {
    return type.endsWith("PUSH") ? "pushedAt" : type.endsWith("PULL") ? "pulledAt" : "deletedAt";
  }
}
