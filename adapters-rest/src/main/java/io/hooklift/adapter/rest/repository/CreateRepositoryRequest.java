package io.hooklift.adapter.rest.repository;

/**
 * {@code POST /api/v0/repositories/{namespace}}: all but {@code name} optional, defaulting as a new
 * repository does.
 */
public record CreateRepositoryRequest(
    String name,
    String visibility,
    String shortDescription,
    String longDescription,
    Boolean scanOnPush,
    Boolean immutableTags,
    Boolean enableManifestLists,
    Long tagLimit)
    implements SettingsFields {}
