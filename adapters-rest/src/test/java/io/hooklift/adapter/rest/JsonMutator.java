package io.hooklift.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of a valid JSON tree, for property tests of the parsers at the edge: a field is
 * removed, or replaced by a value of another type, size or content.
 */
public final class JsonMutator {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static final List<String> STRINGS =
      List.of(
          "",
          " ",
          "../x",
          "a/b",
          "\u0000",
          "\u202e",
          "\ud83d\ude00",
          "x".repeat(5000),
          "latest",
          "sha256:abc",
          "sha256:" + "a".repeat(64),
          "2026-11-22T11:27:38Z",
          "2026-13-45T99:99:99Z",
          "yesterday",
          "-1",
          "NaN",
          "null",
          "true",
          "push",
          "pull",
          "delete",
          "mount",
          "HEAD",
          "foo/bar",
          "Foo/Bar",
          "foo/bar/baz",
          "00000000-0000-0000-0000-000000000000",
          "linux/amd64",
          "application/vnd.oci.image.manifest.v1+json",
          "CRITICAL",
          "%00",
          "<script>");

  private JsonMutator() {}

  public static JsonNode mutate(JsonNode valid, Random r) {
    JsonNode copy = valid.deepCopy();
    int mutations = 1 + r.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      List<JsonNode> containers = new ArrayList<>();
      collect(copy, containers);
      JsonNode target = containers.get(r.nextInt(containers.size()));
      if (target instanceof ObjectNode object && object.size() > 0) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        String name = names.get(r.nextInt(names.size()));
        if (r.nextInt(4) == 0) {
          object.remove(name);
        } else {
          object.set(name, value(r, 0));
        }
      } else if (target instanceof ArrayNode array && array.size() > 0) {
        array.set(r.nextInt(array.size()), value(r, 0));
      }
    }
    return copy;
  }

  private static void collect(JsonNode node, List<JsonNode> into) {
    if (node.isContainerNode()) {
      into.add(node);
      node.forEach(child -> collect(child, into));
    }
  }

  public static JsonNode value(Random r, int depth) {
    return switch (r.nextInt(depth > 2 ? 6 : 8)) {
      case 0 -> F.nullNode();
      case 1 -> F.booleanNode(r.nextBoolean());
      case 2 -> F.numberNode(r.nextInt(5) == 0 ? Long.MIN_VALUE : r.nextInt(200) - 100);
      case 3 -> F.numberNode(r.nextDouble() * 1e300);
      case 4, 5 -> F.textNode(STRINGS.get(r.nextInt(STRINGS.size())));
      case 6 -> {
        ArrayNode a = F.arrayNode();
        for (int i = r.nextInt(4); i > 0; i--) {
          a.add(value(r, depth + 1));
        }
        yield a;
      }
      default -> {
        ObjectNode o = F.objectNode();
        for (int i = r.nextInt(4); i > 0; i--) {
          o.set(STRINGS.get(r.nextInt(STRINGS.size())), value(r, depth + 1));
        }
        yield o;
      }
    };
  }
}
