package io.hooklift.bootstrap.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content fields each type must carry, with their JSON types, as MSR's "Content structure"
 * lists them (docs/event-contents.md for PULL, PROMOTION and MIRRORING), and the checks a receiver
 * would make on them.
 */
final class SeedShapes {

  enum Kind {
    STRING,
    INT,
    BOOL,
    OBJECT,
    TIME
  }

  /** RFC 3339 as receivers parse it: full date, time, optional fraction, Z or an offset. */
  static final String RFC_3339 =
      "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?(Z|[+-]\\d\\d:\\d\\d)";

  private SeedShapes() {}

  /** Dotted field path → JSON type, for the contents of {@code type}. */
  static Map<String, Kind> of(String type) {
    Map<String, Kind> shape = new LinkedHashMap<>();
    switch (type) {
      case "TAG_PUSH",
          "TAG_PULL",
          "TAG_DELETE",
          "MANIFEST_PUSH",
          "MANIFEST_PULL",
          "MANIFEST_DELETE" ->
          image(shape, type);
      case "SCAN_COMPLETED" -> {
        strings(
            shape,
            "namespace",
            "repository",
            "tag",
            "imageName",
            "scanSummary.namespace",
            "scanSummary.repository",
            "scanSummary.tag");
        shape.put("scanSummary", Kind.OBJECT);
        for (String count : new String[] {"critical", "major", "minor", "last_scan_status"}) {
          shape.put("scanSummary." + count, Kind.INT);
        }
        shape.put("scanSummary.check_completed_at", Kind.TIME);
      }
      case "SCAN_FAILED" -> strings(shape, "namespace", "repository", "tag", "imageName", "error");
      case "PROMOTION" -> {
        image(shape, "TAG_PUSH");
        shape.put("promotion", Kind.OBJECT);
        strings(
            shape,
            "promotion.promotionPolicyID",
            "promotion.sourceRepository",
            "promotion.sourceTag");
      }
      case "PUSH_MIRRORING", "POLL_MIRRORING" -> {
        image(shape, "TAG_PUSH");
        shape.put("mirroring", Kind.OBJECT);
        strings(
            shape,
            "mirroring.mirroringPolicyID",
            "mirroring.remoteHost",
            "mirroring.remoteRepository",
            "mirroring.remoteTag",
            "mirroring.digest");
      }
      case "REPO_CREATED", "REPO_UPDATED", "REPO_DELETED" -> {
        strings(
            shape,
            "namespace",
            "repository",
            "event",
            "author",
            "data.id",
            "data.namespace",
            "data.namespaceType",
            "data.name",
            "data.shortDescription",
            "data.longDescription",
            "data.visibility");
        shape.put("data", Kind.OBJECT);
        for (String flag : new String[] {"scanOnPush", "immutableTags", "enableManifestLists"}) {
          shape.put("data." + flag, Kind.BOOL);
        }
        for (String count : new String[] {"pulls", "pushes", "tagLimit"}) {
          shape.put("data." + count, Kind.INT);
        }
      }
      case "SCANNER_UPDATE_COMPLETED" -> {
        strings(shape, "scanner_version", "replicas.r1.version", "replicas.r1.replica_id");
        shape.put("scanner_updated_at", Kind.TIME);
        shape.put("db_version", Kind.INT);
        shape.put("db_updated_at", Kind.TIME);
        shape.put("success", Kind.BOOL);
        shape.put("replicas", Kind.OBJECT);
        shape.put("replicas.r1", Kind.OBJECT);
        shape.put("replicas.r1.db_updated_at", Kind.TIME);
      }
      default -> throw new IllegalArgumentException(type);
    }
    return shape;
  }

  /** Every field of the type's shape is there with its JSON type; times are RFC 3339. */
  static void assertFits(String type, JsonNode contents) {
    of(type)
        .forEach(
            (path, kind) -> {
              JsonNode value = contents.at("/" + path.replace('.', '/'));
              String where = type + " contents." + path + " in " + contents;
              switch (kind) {
                case STRING -> assertThat(value.isTextual()).as(where + " is a string").isTrue();
                case INT ->
                    assertThat(value.isIntegralNumber()).as(where + " is an integer").isTrue();
                case BOOL -> assertThat(value.isBoolean()).as(where + " is a boolean").isTrue();
                case OBJECT -> assertThat(value.isObject()).as(where + " is an object").isTrue();
                case TIME -> assertRfc3339(value, where);
              }
            });
  }

  static void assertRfc3339(JsonNode value, String where) {
    assertThat(value.isTextual()).as(where + " is a string").isTrue();
    assertThat(value.asText()).as(where).matches(RFC_3339);
    OffsetDateTime.parse(value.asText());
  }

  /** Every value the registry reported arrives unchanged (timestamps as the same instant). */
  static void assertCarries(JsonNode reported, JsonNode delivered, String where) {
    if (reported.isObject()) {
      for (Map.Entry<String, JsonNode> field : reported.properties()) {
        assertCarries(
            field.getValue(), delivered.path(field.getKey()), where + "." + field.getKey());
      }
    } else if (reported.isTextual() && delivered.isTextual() && isTime(reported.asText())) {
      assertThat(OffsetDateTime.parse(delivered.asText()).toInstant())
          .as(where)
          .isEqualTo(OffsetDateTime.parse(reported.asText()).toInstant());
    } else {
      assertThat(delivered).as(where).isEqualTo(reported);
    }
  }

  private static boolean isTime(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static void image(Map<String, Kind> shape, String type) {
    strings(shape, "namespace", "repository");
    if (type.startsWith("TAG_")) {
      strings(shape, "tag");
    }
    strings(shape, "digest", "imageName", "os", "architecture", "author");
    shape.put(
        type.endsWith("PUSH") ? "pushedAt" : type.endsWith("PULL") ? "pulledAt" : "deletedAt",
        Kind.TIME);
  }

  private static void strings(Map<String, Kind> shape, String... paths) {
    for (String path : paths) {
      shape.put(path, Kind.STRING);
    }
  }
}
