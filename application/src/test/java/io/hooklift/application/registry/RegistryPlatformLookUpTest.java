package io.hooklift.application.registry;

import static io.hooklift.application.registry.RegistryTestApplication.LINUX_AMD64;
import static io.hooklift.domain.registry.Notifications.AMD64_DIGEST;
import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.application.port.RegistryIndex.KnownManifest;
import io.hooklift.application.registry.RegistryNotificationUseCases.Receipt;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.registry.Notifications;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The platforms of a manifest come from the registry API, asked once per repository and digest; an
 * unavailable registry leaves them empty and is asked again next time.
 */
class RegistryPlatformLookUpTest {

  private final RegistryTestApplication t = new RegistryTestApplication();

  @Test
  void givenRegistryUnavailable_eventsAreStoredWithEmptyPlatformAndNothingIsThrown() {
    t.registry.unavailable(true);

    Receipt receipt = t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST));

    assertThat(receipt).isEqualTo(new Receipt(2, 0, 0));
    assertThat(t.eventTypes()).containsExactly(EventType.TAG_PUSH, EventType.MANIFEST_PUSH);
    assertThat(t.envelopes())
        .allSatisfy(e -> assertThat(e).contains("\"os\":\"\",\"architecture\":\"\""));
  }

  @Test
  void givenRegistryThatWasUnavailable_theNextSightingOfTheManifestAsksAgain() {
    t.registry.knows("foo/bar", AMD64_DIGEST, LINUX_AMD64);
    t.registry.unavailable(true);
    t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST));
    t.registry.unavailable(false);

    t.receive(Notifications.push("foo/bar", "v1", AMD64_DIGEST));

    assertThat(t.registry.lookUps()).hasSize(2);
    assertThat(t.envelopes().subList(2, 4))
        .extracting(RegistryTestApplication::platformOf)
        .containsOnly("linux/amd64");
  }

  @Test
  void givenKnownManifest_theRegistryIsNotAskedAgain() {
    t.registry.knows("foo/bar", AMD64_DIGEST, LINUX_AMD64);

    t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST));
    t.receive(Notifications.push("foo/bar", "v1", AMD64_DIGEST));
    t.receive(Notifications.push("foo/bar", null, AMD64_DIGEST));

    assertThat(t.registry.lookUps()).containsExactly("foo/bar@" + AMD64_DIGEST);
    assertThat(t.envelopes())
        .hasSize(5)
        .extracting(RegistryTestApplication::platformOf)
        .containsOnly("linux/amd64");
  }

  @Test
  void givenTheSameDigestInAnotherRepository_itIsLookedUpThere() {
    t.registry
        .knows("foo/bar", AMD64_DIGEST, LINUX_AMD64)
        .knows("foo/other", AMD64_DIGEST, LINUX_AMD64);

    t.receive(
        Notifications.push("foo/bar", "latest", AMD64_DIGEST),
        Notifications.push("foo/other", "latest", AMD64_DIGEST));

    assertThat(t.registry.lookUps())
        .containsExactly("foo/bar@" + AMD64_DIGEST, "foo/other@" + AMD64_DIGEST);
  }

  @Test
  void givenAManifestWhoseArtifactTypeTheRegistryCannotTell_itIsNotAskedAgainEither() {
    t.registry
        .knows("foo/bar", AMD64_DIGEST, LINUX_AMD64)
        .knowsArtifact("foo/bar", AMD64_DIGEST, "");

    t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST));
    t.receive(Notifications.push("foo/bar", "v1", AMD64_DIGEST));

    assertThat(t.registry.lookUps()).containsExactly("foo/bar@" + AMD64_DIGEST);
  }

  @Test
  void givenAManifestRememberedBeforeArtifactTypesWereKept_itIsAskedOnceMore() {
    t.registry.knows("foo/bar", AMD64_DIGEST, LINUX_AMD64);
    t.ports
        .unitOfWork()
        .run(
            () ->
                t.ports
                    .registryIndex()
                    .rememberManifest(
                        new KnownManifest("foo/bar", AMD64_DIGEST, List.of(LINUX_AMD64))));

    t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST));
    t.receive(Notifications.push("foo/bar", "v1", AMD64_DIGEST));

    assertThat(t.registry.lookUps()).containsExactly("foo/bar@" + AMD64_DIGEST);
    assertThat(
            t.ports
                .unitOfWork()
                .inTransaction(() -> t.ports.registryIndex().manifest("foo/bar", AMD64_DIGEST)))
        .map(KnownManifest::artifactType)
        .contains(Optional.of(FakeRegistryApi.OCI_IMAGE_CONFIG));
  }
}
