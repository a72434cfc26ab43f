package io.hooklift.adapter.rest.repository;

/**
 * {@code PATCH /api/v0/repositories/{ns}/{repo}}: any subset; absent or null fields stay as they
 * are.
 */
public record UpdateRepositoryRequest(
    String visibility,
    String shortDescription,
    String longDescription,
    Boolean scanOnPush,
    Boolean immutableTags,
    Boolean enableManifestLists,
    Long tagLimit)
    implements SettingsFields {}
