package io.hooklift.adapter.rest.repository;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A repository exactly as MSR shows it. */
@JsonPropertyOrder({
  "id",
  "namespace",
  "namespaceType",
  "name",
  "shortDescription",
  "longDescription",
  "visibility",
  "scanOnPush",
  "immutableTags",
  "enableManifestLists",
  "pulls",
  "pushes",
  "tagLimit"
})
public record RepositoryResponse(
    String id,
    String namespace,
    String namespaceType,
    String name,
    String shortDescription,
    String longDescription,
    String visibility,
    boolean scanOnPush,
    boolean immutableTags,
    boolean enableManifestLists,
    long pulls,
    long pushes,
    long tagLimit) {}
