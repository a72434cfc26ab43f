package io.hooklift.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Seed-like {@code POST /api/v0/events} bodies for each of the fifteen types, about {@code
 * maria-testorg/lab-words}, and a way to break one field of them.
 */
final class EventBodies {

  static final List<String> TYPES =
      List.of(
          "TAG_PUSH",
          "TAG_PULL",
          "TAG_DELETE",
          "MANIFEST_PUSH",
          "MANIFEST_PULL",
          "MANIFEST_DELETE",
          "SCAN_COMPLETED",
          "SCAN_FAILED",
          "PROMOTION",
          "PUSH_MIRRORING",
          "POLL_MIRRORING",
          "REPO_CREATED",
          "REPO_UPDATED",
          "REPO_DELETED",
          "SCANNER_UPDATE_COMPLETED");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DIGEST =
      "sha256:0afb4c4fb1b7b4e6e4f6c2f1d1b7d5c3a8f0e9d2c1b0a9f8e7d6c5b4a3928170";
  private static final String WHERE =
      "\"namespace\":\"maria-testorg\",\"repository\":\"lab-words\"";
  private static final String TAGGED =
      WHERE
          + ",\"tag\":\"latest\",\"digest\":\""
          + DIGEST
          + "\","
          + "\"imageName\":\"registry.example.com/maria-testorg/lab-words:latest\",\"os\":\"linux\",\"architecture\":\"amd64\","
          + "\"author\":\"test-user\"";
  private static final String UNTAGGED =
      WHERE
          + ",\"digest\":\""
          + DIGEST
          + "\","
          + "\"imageName\":\"registry.example.com/maria-testorg/lab-words@"
          + DIGEST
          + "\",\"os\":\"linux\","
          + "\"architecture\":\"amd64\",\"author\":\"test-user\"";
  private static final String AT = "\"2019-05-22T01:55:20.471286995Z\"";

  private EventBodies() {}

  /** The seed-like contents of {@code type}, as a JSON object text. */
  static String contents(String type) {
    return switch (type) {
      case "TAG_PUSH" -> "{" + TAGGED + ",\"pushedAt\":" + AT + "}";
      case "TAG_PULL" -> "{" + TAGGED + ",\"pulledAt\":" + AT + "}";
      case "TAG_DELETE" -> "{" + TAGGED + ",\"deletedAt\":" + AT + "}";
      case "MANIFEST_PUSH" -> "{" + UNTAGGED + ",\"pushedAt\":" + AT + "}";
      case "MANIFEST_PULL" -> "{" + UNTAGGED + ",\"pulledAt\":" + AT + "}";
      case "MANIFEST_DELETE" -> "{" + UNTAGGED + ",\"deletedAt\":" + AT + "}";
      case "SCAN_COMPLETED" ->
          "{"
              + WHERE
              + ",\"tag\":\"latest\",\"imageName\":\"registry.example.com/maria-testorg/lab-words:latest\","
              + "\"scanSummary\":{\"namespace\":\"maria-testorg\",\"repository\":\"lab-words\",\"tag\":\"latest\",\"critical\":1,"
              + "\"major\":2,\"minor\":3,\"last_scan_status\":6,\"check_completed_at\":"
              + AT
              + "}}";
      case "SCAN_FAILED" ->
          "{"
              + WHERE
              + ",\"tag\":\"latest\",\"imageName\":\"registry.example.com/maria-testorg/lab-words:latest\","
              + "\"error\":\"scanner unavailable\"}";
      case "PROMOTION" ->
          "{"
              + TAGGED
              + ",\"pushedAt\":"
              + AT
              + ",\"promotion\":{\"promotionPolicyID\":\"policy-1\","
              + "\"sourceRepository\":\"maria-testorg/staging\",\"sourceTag\":\"rc1\"}}";
      case "PUSH_MIRRORING", "POLL_MIRRORING" ->
          "{"
              + TAGGED
              + ",\"pushedAt\":"
              + AT
              + ",\"mirroring\":{\"mirroringPolicyID\":\"m-1\","
              + "\"remoteHost\":\"mirror.example.com\",\"remoteRepository\":\"remote/lab-words\",\"remoteTag\":\"latest\","
              + "\"digest\":\""
              + DIGEST
              + "\"}}";
      case "REPO_CREATED", "REPO_UPDATED", "REPO_DELETED" ->
          "{"
              + WHERE
              + ",\"event\":\""
              + type
              + "\",\"author\":\"admin\","
              + "\"data\":{\"id\":\"6f1c2b9e-0c1d-4e2f-8a3b-4c5d6e7f8091\",\"namespace\":\"maria-testorg\","
              + "\"namespaceType\":\"organization\",\"name\":\"lab-words\",\"shortDescription\":\"words\",\"longDescription\":\"\","
              + "\"visibility\":\"public\",\"scanOnPush\":false,\"immutableTags\":true,\"enableManifestLists\":false,\"pulls\":7,"
              + "\"pushes\":3,\"tagLimit\":0}}";
      case "SCANNER_UPDATE_COMPLETED" ->
          "{\"scanner_version\":\"2.1.0\",\"scanner_updated_at\":"
              + AT
              + ",\"db_version\":108,"
              + "\"db_updated_at\":"
              + AT
              + ",\"success\":true,\"replicas\":{\"r1\":{\"db_updated_at\":"
              + AT
              + ",\"version\":\"108\",\"replica_id\":\"r1\"}}}";
      default -> throw new IllegalArgumentException(type);
    };
  }

  static String body(String type) {
    return body(type, contents(type));
  }

  static String body(String type, String contents) {
    return "{\"type\":\"" + type + "\",\"contents\":" + contents + "}";
  }

  /**
   * The type's contents with the field at {@code dottedPath} (below {@code contents}) set to the
   * JSON {@code value}, or removed when {@code value} is null.
   */
  static String breaking(String type, String dottedPath, String value) {
    try {
      ObjectNode node = (ObjectNode) JSON.readTree(contents(type));
      String[] steps = dottedPath.split("\\.");
      ObjectNode parent = node;
      for (int i = 0; i < steps.length - 1; i++) {
        parent = (ObjectNode) parent.get(steps[i]);
      }
      String last = steps[steps.length - 1];
      if (value == null) {
        parent.remove(last);
      } else {
        JsonNode replacement = JSON.readTree(value);
        parent.set(last, replacement);
      }
      return body(type, JSON.writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
