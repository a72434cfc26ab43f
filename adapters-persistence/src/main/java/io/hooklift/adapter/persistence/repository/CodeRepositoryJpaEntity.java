package io.hooklift.adapter.persistence.repository;

import io.hooklift.domain.account.AccountType;
import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.repository.CodeRepository;
import io.hooklift.domain.repository.RepositorySettings;
import io.hooklift.domain.repository.Visibility;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity(name = "CodeRepository")
@Table(name = "repositories")
class CodeRepositoryJpaEntity {

  @Id
  @Column(name = "id")
  UUID id;

  @Column(name = "namespace", nullable = false)
  String namespace;

  @Column(name = "name", nullable = false)
  String name;

  @Column(name = "namespace_type", nullable = false)
  String namespaceType;

  @Column(
      name = "short_description",
      nullable = false,
      length = RepositorySettings.MAX_SHORT_DESCRIPTION)
  String shortDescription;

  @Column(
      name = "long_description",
      nullable = false,
      length = RepositorySettings.MAX_LONG_DESCRIPTION)
  String longDescription;

  @Column(name = "visibility", nullable = false)
  String visibility;

  @Column(name = "scan_on_push", nullable = false)
  boolean scanOnPush;

  @Column(name = "immutable_tags", nullable = false)
  boolean immutableTags;

  @Column(name = "enable_manifest_lists", nullable = false)
  boolean enableManifestLists;

  @Column(name = "pulls", nullable = false)
  long pulls;

  @Column(name = "pushes", nullable = false)
  long pushes;

  @Column(name = "tag_limit", nullable = false)
  long tagLimit;

  static CodeRepositoryJpaEntity from(CodeRepository repository) {
    CodeRepositoryJpaEntity row = new CodeRepositoryJpaEntity();
    row.id = repository.id();
    row.namespace = repository.path().namespace().value();
    row.name = repository.path().name().value();
    row.copyMutableFields(repository);
    return row;
  }

  /** Everything but the identity and the path, which never change. */
  void copyMutableFields(CodeRepository repository) {
    RepositorySettings settings = repository.settings();
    namespaceType = repository.namespaceType().name();
    shortDescription = settings.shortDescription();
    longDescription = settings.longDescription();
    visibility = settings.visibility().name();
    scanOnPush = settings.scanOnPush();
    immutableTags = settings.immutableTags();
    enableManifestLists = settings.enableManifestLists();
    tagLimit = settings.tagLimit();
    pulls = repository.pulls();
    pushes = repository.pushes();
  }

  CodeRepository toDomain() {
    RepositorySettings settings =
        new RepositorySettings(
            shortDescription,
            longDescription,
            Visibility.valueOf(visibility),
            scanOnPush,
            immutableTags,
            enableManifestLists,
            tagLimit);
    return new CodeRepository(
        id,
        RepositoryPath.of(namespace, name),
        AccountType.valueOf(namespaceType),
        settings,
        pulls,
        pushes);
  }
}
