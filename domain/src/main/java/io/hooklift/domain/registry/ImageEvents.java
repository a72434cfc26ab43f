package io.hooklift.domain.registry;

import io.hooklift.domain.event.EventType;
import io.hooklift.domain.event.ImageContents;
import io.hooklift.domain.event.ImageContents.ImageAction;
import io.hooklift.domain.filter.EventFacts;
import io.hooklift.domain.registry.NotificationReading.ImageChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The MSR events an image change becomes (docs/registry.md): a change with a tag is a TAG_* event
 * followed by a MANIFEST_* event, a change by digest a MANIFEST_* event alone, and a tag delete a
 * TAG_DELETE alone. Each is emitted once per platform, so an index of two platforms pushed by tag
 * gives two TAG_PUSH and two MANIFEST_PUSH events, each naming one platform.
 */
public final class ImageEvents {

  private ImageEvents() {}

  /**
   * @param digest the manifest's digest; for a tag delete the one Hooklift's tag index knew, or
   *     empty
   * @param platforms what the manifest is built for; none known gives one event with empty fields
   * @param registryHost prefixed to {@code imageName}, as users pull it; empty for none
   */
  public static List<ImageEvent> of(
      ImageChange change, String digest, List<Platform> platforms, String registryHost) {
    return of(change, digest, platforms, registryHost, Optional.empty(), false);
  }

  /**
   * As {@link #of(ImageChange, String, List, String)}, with what only filters look at: the
   * manifest's {@code artifactType} as the registry's API gave it, and {@code repush}, that the
   * pushed tag already pointed at {@code digest}.
   */
  public static List<ImageEvent> of(
      ImageChange change,
      String digest,
      List<Platform> platforms,
      String registryHost,
      Optional<String> artifactType,
      boolean repush) {
    Facts facts = new Facts(artifactType, repush);
    List<Platform> each = platforms.isEmpty() ? List.of(Platform.UNKNOWN) : platforms;
    List<ImageEvent> events = new ArrayList<>();
    for (Platform platform : each) {
      switch (change.kind()) {
        case PUSHED ->
            tagAndManifest(
                events,
                change,
                digest,
                platform,
                registryHost,
                EventType.TAG_PUSH,
                EventType.MANIFEST_PUSH,
                facts);
        case PULLED ->
            tagAndManifest(
                events,
                change,
                digest,
                platform,
                registryHost,
                EventType.TAG_PULL,
                EventType.MANIFEST_PULL,
                facts.notRepushed());
        case DIGEST_DELETED ->
            events.add(
                manifest(
                    EventType.MANIFEST_DELETE,
                    change,
                    digest,
                    platform,
                    registryHost,
                    facts.notRepushed()));
        case TAG_DELETED ->
            events.add(
                tag(
                    EventType.TAG_DELETE,
                    change,
                    digest,
                    platform,
                    registryHost,
                    facts.notRepushed()));
      }
    }
    return events;
  }

  private static void tagAndManifest(
      List<ImageEvent> events,
      ImageChange change,
      String digest,
      Platform platform,
      String host,
      EventType tagType,
      EventType manifestType,
      Facts facts) {
    if (change.tag().isPresent()) {
      events.add(tag(tagType, change, digest, platform, host, facts));
    }
    events.add(manifest(manifestType, change, digest, platform, host, facts));
  }

  private static ImageEvent tag(
      EventType type,
      ImageChange change,
      String digest,
      Platform platform,
      String host,
      Facts facts) {
    String tag = change.tag().orElseThrow();
    return new ImageEvent(
        type,
        contents(
            type, change, Optional.of(tag), digest, imageName(host, change) + ":" + tag, platform),
        change.path().location() + "/tags/" + tag,
        facts.of(change, platform));
  }

  private static ImageEvent manifest(
      EventType type,
      ImageChange change,
      String digest,
      Platform platform,
      String host,
      Facts facts) {
    return new ImageEvent(
        type,
        contents(
            type,
            change,
            Optional.empty(),
            digest,
            imageName(host, change) + "@" + digest,
            platform),
        change.path().location() + "/manifests/" + digest,
        facts.of(change, platform));
  }

  /** What filters look at beyond the contents, the same for every platform of a change. */
  private record Facts(Optional<String> artifactType, boolean repush) {

    Facts notRepushed() {
      return new Facts(artifactType, false);
    }

    EventFacts of(ImageChange change, Platform platform) {
      return new EventFacts(platform.variant(), change.mediaType(), artifactType, repush);
    }
  }

  private static ImageContents contents(
      EventType type,
      ImageChange change,
      Optional<String> tag,
      String digest,
      String imageName,
      Platform platform) {
    return new ImageContents(
        change.path().namespace().value(),
        change.path().name().value(),
        tag,
        digest,
        imageName,
        platform.os(),
        platform.architecture(),
        change.author(),
        ImageAction.of(type),
        change.at());
  }

  private static String imageName(String host, ImageChange change) {
    return host.isEmpty() ? change.repository() : host + "/" + change.repository();
  }
}
