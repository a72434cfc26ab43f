package io.hooklift.adapter.rest.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import io.hooklift.domain.filter.PatternList;
import io.hooklift.domain.filter.Severity;
import io.hooklift.domain.filter.SubscriptionFilters;
import io.hooklift.domain.shared.InvalidInput;
import io.hooklift.domain.subscription.CustomHeaders;
import io.hooklift.domain.subscription.PayloadFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Parses the fields Hooklift adds to MSR's webhook ({@code filters}, {@code payloadFormat}, {@code
 * headers}); every refusal names the exact field, down to {@code filters.tags[2]}. Unknown filter
 * names are refused rather than ignored: a misspelt filter would otherwise deliver everything.
 */
final class WebhookOptions {

  private static final Set<String> FILTERS =
      Set.of("tags", "platforms", "mediaTypes", "artifactTypes", "newDigestOnly", "minSeverity");

  private WebhookOptions() {}

  /** {@code filters}: absent or null is none (on create) or "unchanged" (on PATCH). */
  static Optional<SubscriptionFilters> filters(JsonNode node) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      throw InvalidInput.field("filters", "filters must be an object, e.g. {\"tags\":[\"v*\"]}");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FILTERS.contains(name)) {
        throw InvalidInput.field(
            "filters." + name,
            "filters."
                + name
                + " is not a filter; known are tags, platforms, mediaTypes, artifactTypes,"
                + " newDigestOnly, minSeverity");
      }
    }
    return Optional.of(
        new SubscriptionFilters(
            patterns(node, "tags", SubscriptionFilters::tagPatterns),
            patterns(node, "platforms", SubscriptionFilters::platformPatterns),
            patterns(node, "mediaTypes", SubscriptionFilters::mediaTypePatterns),
            patterns(node, "artifactTypes", SubscriptionFilters::artifactTypePatterns),
            flag(node.get("newDigestOnly")),
            severity(node.get("minSeverity"))));
  }

  static Optional<PayloadFormat> payloadFormat(String text) {
    return Optional.ofNullable(text).map(PayloadFormat::parse);
  }

  /** {@code headers} on create: an object of string values. */
  static CustomHeaders headers(JsonNode node) {
    if (node == null || node.isNull()) {
      return CustomHeaders.NONE;
    }
    Map<String, String> given = new LinkedHashMap<>();
    object(node)
        .forEach(
            (name, value) -> {
              if (!value.isTextual()) {
                throw InvalidInput.field(
                    "headers." + name, "headers." + name + " must be a string value");
              }
              given.put(name, value.textValue());
            });
    return CustomHeaders.of(given);
  }

  /** {@code headers} on PATCH: a merge patch, a null value removing that header. */
  static Optional<Map<String, Optional<String>>> headerPatch(JsonNode node) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    Map<String, Optional<String>> patch = new LinkedHashMap<>();
    object(node)
        .forEach(
            (name, value) -> {
              if (!value.isTextual() && !value.isNull()) {
                throw InvalidInput.field(
                    "headers." + name,
                    "headers." + name + " must be a string value, or null to remove it");
              }
              patch.put(name, value.isNull() ? Optional.empty() : Optional.of(value.textValue()));
            });
    return Optional.of(patch);
  }

  private static Map<String, JsonNode> object(JsonNode node) {
    if (!node.isObject()) {
      throw InvalidInput.field(
          "headers",
          "headers must be an object of names and values, e.g. {\"Authorization\":\"…\"}");
    }
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    node.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
    return fields;
  }

  private static Optional<PatternList> patterns(
      JsonNode filters, String name, Function<List<String>, PatternList> parse) {
    JsonNode list = filters.get(name);
    if (list == null || list.isNull()) {
      return Optional.empty();
    }
    String field = "filters." + name;
    if (!list.isArray()) {
      throw InvalidInput.field(field, field + " must be an array of patterns");
    }
    List<String> patterns = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!list.get(i).isTextual()) {
        throw InvalidInput.field(
            field + "[" + i + "]", field + "[" + i + "] must be a string pattern");
      }
      patterns.add(list.get(i).textValue());
    }
    return Optional.of(parse.apply(patterns));
  }

  private static boolean flag(JsonNode node) {
    if (node == null || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      throw InvalidInput.field(
          "filters.newDigestOnly", "filters.newDigestOnly must be true or false");
    }
    return node.booleanValue();
  }

  private static Optional<Severity> severity(JsonNode node) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw InvalidInput.field(
          "filters.minSeverity", "filters.minSeverity must be one of critical, major, minor");
    }
    return Optional.of(Severity.parse("filters.minSeverity", node.textValue()));
  }
}
