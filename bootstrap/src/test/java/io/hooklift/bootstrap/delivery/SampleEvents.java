package io.hooklift.bootstrap.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Contents for {@code POST /api/v0/events} as a registry component would report them, one per type,
 * shaped as MSR's "Content structure" (and docs/event-contents.md for the types MSR does not show).
 */
final class SampleEvents {

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

  static final String DIGEST =
      "sha256:0afb4c4fb1b7b4e6e4f6c2f1d1b7d5c3a8f0e9d2c1b0a9f8e7d6c5b4a3928170";
  static final String AT = "2019-05-22T01:55:20.471286995Z";

  private SampleEvents() {}

  /**
   * The contents of a {@code type} event about {@code namespace/repository}, tag {@code tag} where
   * it has one.
   */
  static Map<String, Object> contents(
      String type, String namespace, String repository, String tag) {
    return switch (type) {
      case "TAG_PUSH" -> image(namespace, repository, tag, "pushedAt");
      case "TAG_PULL" -> image(namespace, repository, tag, "pulledAt");
      case "TAG_DELETE" -> image(namespace, repository, tag, "deletedAt");
      case "MANIFEST_PUSH" -> image(namespace, repository, null, "pushedAt");
      case "MANIFEST_PULL" -> image(namespace, repository, null, "pulledAt");
      case "MANIFEST_DELETE" -> image(namespace, repository, null, "deletedAt");
      case "SCAN_COMPLETED" ->
          with(
              scanned(namespace, repository, tag),
              "scanSummary",
              map(
                  "namespace",
                  namespace,
                  "repository",
                  repository,
                  "tag",
                  tag,
                  "critical",
                  1,
                  "major",
                  2,
                  "minor",
                  3,
                  "last_scan_status",
                  6,
                  "check_completed_at",
                  AT));
      case "SCAN_FAILED" ->
          with(scanned(namespace, repository, tag), "error", "scanner unavailable");
      case "PROMOTION" ->
          with(
              image(namespace, repository, tag, "pushedAt"),
              "promotion",
              map(
                  "promotionPolicyID",
                  "policy-1",
                  "sourceRepository",
                  namespace + "/staging",
                  "sourceTag",
                  "rc1"));
      case "PUSH_MIRRORING", "POLL_MIRRORING" ->
          with(
              image(namespace, repository, tag, "pushedAt"),
              "mirroring",
              map(
                  "mirroringPolicyID",
                  "mirror-1",
                  "remoteHost",
                  "mirror.example.com",
                  "remoteRepository",
                  "remote/" + repository,
                  "remoteTag",
                  tag,
                  "digest",
                  DIGEST));
      case "REPO_CREATED", "REPO_UPDATED", "REPO_DELETED" ->
          map(
              "namespace",
              namespace,
              "repository",
              repository,
              "event",
              type,
              "author",
              "admin",
              "data",
              map(
                  "id",
                  "6f1c2b9e-0c1d-4e2f-8a3b-4c5d6e7f8091",
                  "namespace",
                  namespace,
                  "namespaceType",
                  "organization",
                  "name",
                  repository,
                  "shortDescription",
                  "words",
                  "longDescription",
                  "",
                  "visibility",
                  "public",
                  "scanOnPush",
                  false,
                  "immutableTags",
                  true,
                  "enableManifestLists",
                  false,
                  "pulls",
                  7,
                  "pushes",
                  3,
                  "tagLimit",
                  0));
      case "SCANNER_UPDATE_COMPLETED" ->
          map(
              "scanner_version",
              "2.1.0",
              "scanner_updated_at",
              AT,
              "db_version",
              108,
              "db_updated_at",
              AT,
              "success",
              true,
              "replicas",
              map("r1", map("db_updated_at", AT, "version", "108", "replica_id", "r1")));
      default -> throw new IllegalArgumentException(type);
    };
  }

  private static Map<String, Object> image(
      String namespace, String repository, String tag, String timeField) {
    Map<String, Object> c = map("namespace", namespace, "repository", repository);
    if (tag != null) {
      c.put("tag", tag);
    }
    c.put("digest", DIGEST);
    c.put(
        "imageName",
        "registry.example.com/"
            + namespace
            + "/"
            + repository
            + (tag != null ? ":" + tag : "@" + DIGEST));
    c.put("os", "linux");
    c.put("architecture", "amd64");
    c.put("author", "ci-bot");
    c.put(timeField, AT);
    return c;
  }

  private static Map<String, Object> scanned(String namespace, String repository, String tag) {
    return map(
        "namespace",
        namespace,
        "repository",
        repository,
        "tag",
        tag,
        "imageName",
        "registry.example.com/" + namespace + "/" + repository + ":" + tag);
  }

  private static Map<String, Object> with(
      Map<String, Object> contents, String field, Object value) {
    contents.put(field, value);
    return contents;
  }

  /** An ordered map from alternating names and values. */
  static Map<String, Object> map(Object... namesAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }
}
