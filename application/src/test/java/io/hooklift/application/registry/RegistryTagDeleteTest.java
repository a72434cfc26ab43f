package io.hooklift.application.registry;

import static io.hooklift.application.registry.RegistryTestApplication.LINUX_AMD64;
import static io.hooklift.domain.registry.Notifications.AMD64_DIGEST;
import static io.hooklift.domain.registry.Notifications.OTHER_AMD64_DIGEST;
import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.application.registry.RegistryNotificationUseCases.Receipt;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.registry.Notifications;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tag delete names the digest its tag pointed at: the one the notification names (as Distribution
 * 3 does), the one the same request deleted, or else the one Hooklift's tag index of that
 * repository last saw; an unknown or already deleted tag has an empty digest.
 */
class RegistryTagDeleteTest {

  private final RegistryTestApplication t = new RegistryTestApplication();

  @Test
  void givenAStaleTagIndex_aTagDeleteNamesTheDigestItsRequestDeleted() {
    t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST));
    int before = t.events().size();

    // the tag moved to another image while Hooklift was not listening; that image is deleted now
    t.receive(
        Notifications.deleteDigest("foo/bar", OTHER_AMD64_DIGEST).requestId("del-2"),
        Notifications.deleteTag("foo/bar", "latest").requestId("del-2"));

    assertThat(t.eventTypes().subList(before, t.events().size()))
        .containsExactly(EventType.MANIFEST_DELETE, EventType.TAG_DELETE);
    assertThat(t.envelopes().get(before + 1)).contains("\"digest\":\"" + OTHER_AMD64_DIGEST + "\"");
  }

  @Test
  void givenTagDeleteOfAnUnknownTag_storesTagDeleteWithEmptyDigestAndPlatform() {
    assertThat(t.receive(Notifications.deleteTag("foo/bar", "old")))
        .isEqualTo(new Receipt(1, 0, 0));

    assertThat(t.eventTypes()).containsExactly(EventType.TAG_DELETE);
    assertThat(t.envelopes().get(0))
        .contains(
            "\"tag\":\"old\",\"digest\":\"\",\"imageName\":\"foo/bar:old\",\"os\":\"\",\"architecture\":\"\"",
            "\"location\":\"/repositories/foo/bar/tags/old\"");
    assertThat(t.registry.lookUps()).isEmpty();
  }

  @Test
  void givenTagDeletedOnce_itIsForgottenSoASecondDeleteHasNoDigest() {
    t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST));
    t.receive(Notifications.deleteTag("foo/bar", "latest"));
    t.receive(Notifications.deleteTag("foo/bar", "latest"));

    List<String> envelopes = t.envelopes();
    assertThat(envelopes.get(2)).contains("\"digest\":\"" + AMD64_DIGEST + "\"");
    assertThat(envelopes.get(3)).contains("\"digest\":\"\"");
  }

  @Test
  void givenTagMovedToAnotherImage_aTagDeleteNamesTheDigestItLastPointedAt() {
    t.registry
        .knows("foo/bar", AMD64_DIGEST, LINUX_AMD64)
        .knows("foo/bar", OTHER_AMD64_DIGEST, LINUX_AMD64);
    t.receive(
        Notifications.push("foo/bar", "latest", AMD64_DIGEST),
        Notifications.push("foo/bar", "latest", OTHER_AMD64_DIGEST));

    t.receive(Notifications.deleteTag("foo/bar", "latest"));

    assertThat(t.envelopes().get(4))
        .startsWith("{\"type\":\"TAG_DELETE\"")
        .contains("\"digest\":\"" + OTHER_AMD64_DIGEST + "\"");
  }

  @Test
  void givenTagDeleteInAnotherRepository_doesNotUseThisRepository_sTag() {
    t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST));

    t.receive(Notifications.deleteTag("foo/other", "latest"));

    assertThat(t.envelopes().get(2)).contains("\"repository\":\"other\"", "\"digest\":\"\"");
  }

  @Test
  void givenTagDeleteThatNamesItsDigest_asDistribution3Does_usesThatDigest() {
    t.registry.knows("foo/bar", AMD64_DIGEST, LINUX_AMD64);
    t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST));

    t.receive(Notifications.deleteTag("foo/bar", "latest").digest(AMD64_DIGEST));

    assertThat(t.envelopes().get(2))
        .contains("\"tag\":\"latest\",\"digest\":\"" + AMD64_DIGEST + "\"", "\"os\":\"linux\"");
  }
}
