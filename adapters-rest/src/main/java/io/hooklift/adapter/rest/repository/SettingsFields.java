package io.hooklift.adapter.rest.repository;

/** The repository settings a create and an update body both carry, each optional (null). */
interface SettingsFields {

  String visibility();

  String shortDescription();

  String longDescription();

  Boolean scanOnPush();

  Boolean immutableTags();

  Boolean enableManifestLists();

  Long tagLimit();
}
