package io.hooklift.domain.repository;

import io.hooklift.domain.account.AccountType;
import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.shared.JsonWriter;
import java.util.Objects;
import java.util.UUID;

/**
 * A registry repository. Lifecycle: created in a namespace by its owner, its {@link
 * RepositorySettings} changed by repository admins, deleted by them; each step emits a REPO_* event
 * in the same transaction. Pull and push counters belong to the registry and only ever grow.
 */
public record CodeRepository(
    UUID id,
    RepositoryPath path,
    AccountType namespaceType,
    RepositorySettings settings,
    long pulls,
    long pushes) {

  public CodeRepository {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(namespaceType, "namespaceType");
    Objects.requireNonNull(settings, "settings");
  }

  public static CodeRepository create(
      UUID id, RepositoryPath path, AccountType namespaceType, RepositorySettings settings) {
    return new CodeRepository(id, path, namespaceType, settings, 0, 0);
  }

  public CodeRepository withSettings(RepositorySettings changed) {
    return new CodeRepository(id, path, namespaceType, changed, pulls, pushes);
  }

  public boolean isPublic() {
    return settings.visibility() == Visibility.PUBLIC;
  }

  /** The fields of the MSR repository JSON, as REPO_* events carry it in {@code data}. */
  public void writeFields(JsonWriter json) {
    json.string("id", id.toString())
        .string("namespace", path.namespace().value())
        .string("namespaceType", namespaceType.wire())
        .string("name", path.name().value())
        .string("shortDescription", settings.shortDescription())
        .string("longDescription", settings.longDescription())
        .string("visibility", settings.visibility().wire())
        .bool("scanOnPush", settings.scanOnPush())
        .bool("immutableTags", settings.immutableTags())
        .bool("enableManifestLists", settings.enableManifestLists())
        .number("pulls", pulls)
        .number("pushes", pushes)
        .number("tagLimit", settings.tagLimit());
  }
}
