package io.hooklift.application.contract;

import static io.hooklift.application.contract.ContractFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.application.port.RegistryIndex;
import io.hooklift.application.port.RegistryIndex.DigestDelete;
import io.hooklift.application.port.RegistryIndex.KnownManifest;
import io.hooklift.domain.registry.Platform;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RegistryIndex} promises: an event id is seen once, and only if its transaction
 * commits; manifests and tags are kept per repository, replaced in place, platforms in order.
 */
public abstract class RegistryIndexContractTest extends PortContractTest {

  private static final String REPO = "acme/app";
  private static final String OTHER_REPO = "acme/other";
  private static final String DIGEST = digest('a');
  private static final String OTHER_DIGEST = digest('b');
  private static final Platform AMD64 = new Platform("linux", "amd64", "");
  private static final Platform ARM64_V8 = new Platform("linux", "arm64", "v8");

  private <T> T tx(Supplier<T> work) {
    return unitOfWork().inTransaction(work);
  }

  private void run(Runnable work) {
    unitOfWork().run(work);
  }

  /** {@code sha256:} and 64 hex digits, the shape a registry's digests have. */
  private static String digest(char hex) {
    return "sha256:" + String.valueOf(hex).repeat(64);
  }

  @Test
  void givenNewId_firstSighting_isTrueThenFalseInTheSameTransaction() {
    assertThat(
            tx(
                () ->
                    List.of(
                        registryIndex().firstSighting("ev-1", at(1)),
                        registryIndex().firstSighting("ev-1", at(2)))))
        .containsExactly(true, false);
  }

  @Test
  void givenIdSeenInACommittedTransaction_firstSighting_isFalseInTheNext() {
    assertThat(tx(() -> registryIndex().firstSighting("ev-1", at(1)))).isTrue();

    assertThat(tx(() -> registryIndex().firstSighting("ev-1", at(2)))).isFalse();
  }

  @Test
  void handled_isTrueOnlyOnceTheSightingIsRecorded() {
    assertThat(tx(() -> registryIndex().handled("ev-1"))).isFalse();

    run(() -> registryIndex().firstSighting("ev-1", at(1)));

    assertThat(tx(() -> registryIndex().handled("ev-1"))).isTrue();
    assertThat(tx(() -> registryIndex().handled("ev-2"))).isFalse();
  }

  @Test
  void givenDifferentIds_firstSighting_isTrueForEach() {
    assertThat(tx(() -> registryIndex().firstSighting("ev-1", at(1)))).isTrue();

    assertThat(tx(() -> registryIndex().firstSighting("ev-2", at(1)))).isTrue();
    assertThat(tx(() -> registryIndex().firstSighting("EV-1", at(1))))
        .as("ids compare exactly")
        .isTrue();
  }

  @Test
  void givenSightingInARolledBackTransaction_firstSighting_isTrueAgain() {
    // The registry resends an event whose webhooks were not stored; it must not count as a
    // duplicate.
    IllegalStateException failure = new IllegalStateException("storing the webhooks failed");
    assertThatThrownBy(
            () ->
                run(
                    () -> {
                      registryIndex().firstSighting("ev-1", at(1));
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(tx(() -> registryIndex().firstSighting("ev-1", at(2)))).isTrue();
  }

  @Test
  void givenUnknownManifest_manifest_isEmpty() {
    assertThat(tx(() -> registryIndex().manifest(REPO, DIGEST))).isEmpty();
  }

  @Test
  void givenIndexWithPlatforms_manifest_returnsThemInTheirOrder() {
    // Not in sorted order, so a store that sorts them is caught.
    KnownManifest index = new KnownManifest(REPO, DIGEST, List.of(ARM64_V8, AMD64));
    run(() -> registryIndex().rememberManifest(index));

    KnownManifest read = tx(() -> registryIndex().manifest(REPO, DIGEST)).orElseThrow();

    assertThat(read).isEqualTo(index);
    assertThat(read.platforms()).containsExactly(ARM64_V8, AMD64);
  }

  @Test
  void givenArtifactType_manifest_returnsIt_andRememberingAgainReplacesOrClearsIt() {
    KnownManifest image =
        new KnownManifest(
            REPO, DIGEST, List.of(AMD64), Optional.of("application/vnd.oci.image.config.v1+json"));
    KnownManifest sbom =
        new KnownManifest(REPO, OTHER_DIGEST, List.of(), Optional.of("application/spdx+json"));
    run(
        () -> {
          registryIndex().rememberManifest(image);
          registryIndex().rememberManifest(sbom);
        });

    assertThat(tx(() -> registryIndex().manifest(REPO, DIGEST))).contains(image);
    assertThat(tx(() -> registryIndex().manifest(REPO, OTHER_DIGEST))).contains(sbom);

    KnownManifest askedNone = new KnownManifest(REPO, DIGEST, List.of(AMD64), Optional.of(""));
    run(() -> registryIndex().rememberManifest(askedNone));
    assertThat(tx(() -> registryIndex().manifest(REPO, DIGEST)))
        .as("asked and could not tell is not never asked")
        .contains(askedNone);

    KnownManifest neverAsked = new KnownManifest(REPO, DIGEST, List.of(AMD64), Optional.empty());
    run(() -> registryIndex().rememberManifest(neverAsked));
    assertThat(tx(() -> registryIndex().manifest(REPO, DIGEST))).contains(neverAsked);
  }

  @Test
  void givenManifestWithoutPlatforms_manifest_returnsAnEmptyList() {
    // The resolver tells "looked up, nothing found" (empty) from a real platform, so none may
    // appear.
    run(() -> registryIndex().rememberManifest(new KnownManifest(REPO, DIGEST, List.of())));

    assertThat(tx(() -> registryIndex().manifest(REPO, DIGEST)))
        .contains(new KnownManifest(REPO, DIGEST, List.of()));
  }

  @Test
  void givenUnknownPlatform_manifest_returnsItUnchanged() {
    KnownManifest manifest = new KnownManifest(REPO, DIGEST, List.of(Platform.UNKNOWN, AMD64));
    run(() -> registryIndex().rememberManifest(manifest));

    assertThat(tx(() -> registryIndex().manifest(REPO, DIGEST))).contains(manifest);
  }

  @Test
  void givenRememberedManifest_rememberingItAgain_replacesThePlatforms() {
    run(() -> registryIndex().rememberManifest(new KnownManifest(REPO, DIGEST, List.of())));

    run(
        () ->
            registryIndex()
                .rememberManifest(new KnownManifest(REPO, DIGEST, List.of(AMD64, ARM64_V8))));

    assertThat(tx(() -> registryIndex().manifest(REPO, DIGEST)).orElseThrow().platforms())
        .containsExactly(AMD64, ARM64_V8);
  }

  @Test
  void givenManifests_manifest_isKeptPerRepositoryAndDigest() {
    run(
        () -> {
          registryIndex().rememberManifest(new KnownManifest(REPO, DIGEST, List.of(AMD64)));
          registryIndex()
              .rememberManifest(new KnownManifest(OTHER_REPO, DIGEST, List.of(ARM64_V8)));
          registryIndex().rememberManifest(new KnownManifest(REPO, OTHER_DIGEST, List.of()));
        });

    assertThat(tx(() -> registryIndex().manifest(REPO, DIGEST)).orElseThrow().platforms())
        .containsExactly(AMD64);
    assertThat(tx(() -> registryIndex().manifest(OTHER_REPO, DIGEST)).orElseThrow().platforms())
        .containsExactly(ARM64_V8);
    assertThat(tx(() -> registryIndex().manifest(REPO, OTHER_DIGEST)).orElseThrow().platforms())
        .isEmpty();
    assertThat(tx(() -> registryIndex().manifest(OTHER_REPO, OTHER_DIGEST))).isEmpty();
  }

  @Test
  void givenUnknownTag_taggedDigest_isEmpty() {
    assertThat(tx(() -> registryIndex().taggedDigest(REPO, "latest"))).isEmpty();
  }

  @Test
  void givenTagMovedToAnotherDigest_taggedDigest_isTheNewOne() {
    run(() -> registryIndex().rememberTag(REPO, "latest", DIGEST));
    assertThat(tx(() -> registryIndex().taggedDigest(REPO, "latest"))).contains(DIGEST);

    run(() -> registryIndex().rememberTag(REPO, "latest", OTHER_DIGEST));

    assertThat(tx(() -> registryIndex().taggedDigest(REPO, "latest"))).contains(OTHER_DIGEST);
  }

  @Test
  void givenForgottenTag_taggedDigest_isEmptyAndOtherTagsStay() {
    run(
        () -> {
          registryIndex().rememberTag(REPO, "latest", DIGEST);
          registryIndex().rememberTag(REPO, "v1", DIGEST);
        });

    run(() -> registryIndex().forgetTag(REPO, "latest"));

    assertThat(tx(() -> registryIndex().taggedDigest(REPO, "latest"))).isEmpty();
    assertThat(tx(() -> registryIndex().taggedDigest(REPO, "v1"))).contains(DIGEST);
  }

  @Test
  void givenUnknownTag_forgetTag_doesNothing() {
    run(() -> registryIndex().forgetTag(REPO, "never-pushed"));

    assertThat(tx(() -> registryIndex().taggedDigest(REPO, "never-pushed"))).isEmpty();
  }

  @Test
  void givenSameTagInTwoRepositories_movingOrForgettingOne_leavesTheOther() {
    run(
        () -> {
          registryIndex().rememberTag(REPO, "latest", DIGEST);
          registryIndex().rememberTag(OTHER_REPO, "latest", DIGEST);
        });

    run(() -> registryIndex().rememberTag(REPO, "latest", OTHER_DIGEST));
    assertThat(tx(() -> registryIndex().taggedDigest(OTHER_REPO, "latest"))).contains(DIGEST);

    run(() -> registryIndex().forgetTag(OTHER_REPO, "latest"));
    assertThat(tx(() -> registryIndex().taggedDigest(REPO, "latest"))).contains(OTHER_DIGEST);
    assertThat(tx(() -> registryIndex().taggedDigest(OTHER_REPO, "latest"))).isEmpty();
  }

  @Test
  void givenSightingsAtDifferentTimes_forgetSightingsBefore_deletesOnlyOlderOnesAndCountsThem() {
    run(
        () -> {
          registryIndex().firstSighting("old-1", at(1));
          registryIndex().firstSighting("old-2", at(2));
          registryIndex().firstSighting("at-cutoff", at(3));
          registryIndex().firstSighting("new", at(4));
        });

    // One microsecond apart: a store that loses precision or compares with <= is caught.
    assertThat(tx(() -> registryIndex().forgetSightingsBefore(at(3)))).isEqualTo(2);

    assertThat(tx(() -> registryIndex().firstSighting("old-1", at(10)))).isTrue();
    assertThat(tx(() -> registryIndex().firstSighting("old-2", at(10)))).isTrue();
    assertThat(tx(() -> registryIndex().firstSighting("at-cutoff", at(10)))).isFalse();
    assertThat(tx(() -> registryIndex().firstSighting("new", at(10)))).isFalse();
  }

  @Test
  void digestDeletes_areKeptPerRequestAndRepository_andReplacedInPlace() {
    DigestDelete delete = new DigestDelete("req-1", REPO, DIGEST, false, at(1));
    run(() -> registryIndex().rememberDigestDelete(delete));

    assertThat(tx(() -> registryIndex().digestDelete("req-1", REPO))).contains(delete);
    assertThat(tx(() -> registryIndex().digestDelete("req-1", OTHER_REPO))).isEmpty();
    assertThat(tx(() -> registryIndex().digestDelete("req-2", REPO))).isEmpty();

    run(() -> registryIndex().rememberDigestDelete(delete.announce()));

    assertThat(tx(() -> registryIndex().digestDelete("req-1", REPO))).contains(delete.announce());
  }

  @Test
  void forgetSightingsBefore_alsoForgetsOlderDigestDeletes() {
    run(
        () -> {
          registryIndex().rememberDigestDelete(new DigestDelete("old", REPO, DIGEST, true, at(1)));
          registryIndex()
              .rememberDigestDelete(new DigestDelete("new", REPO, OTHER_DIGEST, false, at(3)));
        });

    run(() -> registryIndex().forgetSightingsBefore(at(3)));

    assertThat(tx(() -> registryIndex().digestDelete("old", REPO))).isEmpty();
    assertThat(tx(() -> registryIndex().digestDelete("new", REPO))).isPresent();
  }

  @Test
  void givenNothingOld_forgetSightingsBefore_returnsZero() {
    run(() -> registryIndex().firstSighting("new", at(5)));

    assertThat(tx(() -> registryIndex().forgetSightingsBefore(at(5)))).isZero();
  }

  @Test
  void givenLongestValues_everyOperation_keepsThemWhole() {
    // namespace/name at 255 characters each, the longest tag the distribution spec allows, and
    // digests of both common algorithms.
    String repository = "n".repeat(255) + "/" + "r".repeat(255);
    String shortRepository = "n".repeat(127) + "/" + "r".repeat(127);
    String tag = "t".repeat(128);
    String sha512 = "sha512:" + "0123456789abcdef".repeat(8);
    String notificationId = "i".repeat(255);
    KnownManifest manifest = new KnownManifest(repository, sha512, List.of(ARM64_V8));
    KnownManifest shortManifest =
        new KnownManifest(shortRepository, DIGEST, List.of(AMD64, ARM64_V8));

    run(
        () -> {
          registryIndex().rememberManifest(manifest);
          registryIndex().rememberManifest(shortManifest);
          registryIndex().rememberTag(repository, tag, sha512);
          registryIndex().rememberTag(shortRepository, tag, DIGEST);
        });

    assertThat(tx(() -> registryIndex().manifest(repository, sha512))).contains(manifest);
    assertThat(tx(() -> registryIndex().manifest(shortRepository, DIGEST))).contains(shortManifest);
    assertThat(tx(() -> registryIndex().taggedDigest(repository, tag))).contains(sha512);
    assertThat(tx(() -> registryIndex().taggedDigest(shortRepository, tag))).contains(DIGEST);
    assertThat(tx(() -> registryIndex().firstSighting(notificationId, at(1)))).isTrue();
    assertThat(tx(() -> registryIndex().firstSighting(notificationId, at(2)))).isFalse();
    assertThat(tx(() -> registryIndex().firstSighting(notificationId.substring(1), at(2))))
        .isTrue();
  }

  @Test
  void givenNoTransaction_portCall_throwsIllegalState() {
    assertThatThrownBy(() -> registryIndex().firstSighting("ev-1", at(1)))
        .isInstanceOf(IllegalStateException.class);
  }
}
