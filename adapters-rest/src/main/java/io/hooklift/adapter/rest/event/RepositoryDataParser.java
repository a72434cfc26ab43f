package io.hooklift.adapter.rest.event;

import io.hooklift.domain.account.AccountType;
import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.repository.CodeRepository;
import io.hooklift.domain.repository.RepositorySettings;
import io.hooklift.domain.repository.Visibility;
import io.hooklift.domain.shared.InvalidInput;
import java.util.UUID;

/**
 * Reads the {@code data} of a REPO_* event: the repository in the shape of the repository API's
 * response. Identity fields are required and must name the event's repository; descriptions, flags
 * and counters may be left out (empty, false, 0).
 */
final class RepositoryDataParser {

  private RepositoryDataParser() {}

  static CodeRepository parse(ContentFields d, RepositoryPath eventPath) {
    UUID id = d.uuid("id");
    String namespace = d.text("namespace");
    String name = d.text("name");
    if (!namespace.equals(eventPath.namespace().value())) {
      throw InvalidInput.field(
          d.name("namespace"),
          d.name("namespace")
              + " must equal the event's namespace '"
              + eventPath.namespace().value()
              + "'");
    }
    if (!name.equals(eventPath.name().value())) {
      throw InvalidInput.field(
          d.name("name"),
          d.name("name") + " must equal the event's repository '" + eventPath.name().value() + "'");
    }
    AccountType namespaceType = namespaceType(d);
    String visibilityText = d.text("visibility");
    Visibility visibility = d.within(() -> Visibility.parse(visibilityText));
    String shortDescription = d.text("shortDescription", "");
    String longDescription = d.text("longDescription", "");
    boolean scanOnPush = d.bool("scanOnPush", false);
    boolean immutableTags = d.bool("immutableTags", false);
    boolean enableManifestLists = d.bool("enableManifestLists", false);
    long tagLimit = d.count("tagLimit", 0);
    RepositorySettings settings =
        d.within(
            () ->
                new RepositorySettings(
                    shortDescription,
                    longDescription,
                    visibility,
                    scanOnPush,
                    immutableTags,
                    enableManifestLists,
                    tagLimit));
    return new CodeRepository(
        id, eventPath, namespaceType, settings, d.count("pulls", 0), d.count("pushes", 0));
  }

  private static AccountType namespaceType(ContentFields d) {
    String text = d.text("namespaceType");
    for (AccountType type : AccountType.values()) {
      if (type.wire().equals(text)) {
        return type;
      }
    }
    throw InvalidInput.field(
        d.name("namespaceType"),
        d.name("namespaceType")
            + " must be '"
            + AccountType.USER.wire()
            + "' or '"
            + AccountType.ORGANIZATION.wire()
            + "'");
  }
}
