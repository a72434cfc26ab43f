package io.hooklift.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SecureRandomIdsTest {

  private final SecureRandomIds ids = new SecureRandomIds();

  @Test
  void subscriptionIds_are64LowerCaseHexAndDistinct() {
    Set<String> seen = new HashSet<>();
    IntStream.range(0, 1_000)
        .forEach(
            i -> {
              String id = ids.subscriptionId().value();
              assertThat(id).matches("[0-9a-f]{64}");
              assertThat(seen.add(id)).isTrue();
            });
  }

  @Test
  void uuids_areTimeOrderedVersion7WithTheRfcVariant() throws InterruptedException {
    java.util.UUID first = ids.uuid();
    Thread.sleep(2);
    java.util.UUID later = ids.uuid();
    assertThat(first.version()).isEqualTo(7);
    assertThat(first.variant()).isEqualTo(2);
    assertThat(first).isNotEqualTo(ids.uuid());
    assertThat(later.getMostSignificantBits() >>> 16)
        .isGreaterThan(first.getMostSignificantBits() >>> 16);
    long millis = first.getMostSignificantBits() >>> 16;
    assertThat(millis).isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis());
  }

  @Test
  void secretBytes_haveTheRequestedLengthAndDiffer() {
    assertThat(ids.secretBytes(32)).hasSize(32).isNotEqualTo(ids.secretBytes(32));
  }
}
