package io.hooklift.domain.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.domain.shared.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubscriptionIdTest {

  private static final String WELL_FORMED = "0123456789abcdef".repeat(4);

  @Test
  void sixtyFourLowerCaseHexDigits_makeAnId() {
    assertThat(SubscriptionId.isWellFormed(WELL_FORMED)).isTrue();
    assertThat(new SubscriptionId(WELL_FORMED).value()).isEqualTo(WELL_FORMED);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",
        "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
        "0123456789abcdeg0123456789abcdef0123456789abcdef0123456789abcdef",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde/",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde:",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde`",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\u0660"
      })
  void anythingElse_isNotAnId(String text) {
    assertThat(SubscriptionId.isWellFormed(text)).isFalse();
    assertThatThrownBy(() -> new SubscriptionId(text))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.code()).isEqualTo("INVALID_WEBHOOK_ID"));
  }
}
