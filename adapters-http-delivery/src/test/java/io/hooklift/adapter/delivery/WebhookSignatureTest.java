package io.hooklift.adapter.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.domain.subscription.SigningSecret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Each thread reuses one Mac; no key or input may carry over from one signature to the next. */
class WebhookSignatureTest {

  private static final byte[] BODY = "{\"type\":\"TAG_PUSH\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void signaturesInTurnWithDifferentKeys_eachMatchAFreshMac() throws Exception {
    SigningSecret a = secret(1);
    SigningSecret b = secret(2);
    for (SigningSecret s : List.of(a, b, a, b)) {
      assertThat(WebhookSignature.sign(s, "msg_1", 1_700_000_000L, BODY))
          .isEqualTo(fresh(s, "msg_1.1700000000."));
    }
  }

  @Test
  void header_joinsOneSignaturePerSecretWithSpaces() throws Exception {
    SigningSecret a = secret(3);
    SigningSecret b = secret(4);
    assertThat(WebhookSignature.header(List.of(a, b), "msg_2", 5L, BODY))
        .isEqualTo("v1," + fresh(a, "msg_2.5.") + " v1," + fresh(b, "msg_2.5."));
    assertThat(WebhookSignature.header(List.of(), "msg_2", 5L, BODY)).isEmpty();
  }

  @Test
  void signingFromManyThreadsAtOnce_givesEveryThreadItsOwnRightAnswer() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> checks = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        SigningSecret s = secret(i % 16);
        String id = "msg_" + i;
        String expected = fresh(s, id + ".7.");
        checks.add(pool.submit(() -> WebhookSignature.sign(s, id, 7L, BODY).equals(expected)));
      }
      for (Future<Boolean> check : checks) {
        assertThat(check.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static SigningSecret secret(int seed) {
    byte[] key = new byte[24];
    key[0] = (byte) seed;
    key[23] = (byte) (seed * 7);
    return SigningSecret.fromKey(key);
  }

  /** The Standard Webhooks recipe with a new Mac, independently of the adapter's code. */
  private static String fresh(SigningSecret secret, String prefix) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
    mac.update(prefix.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(mac.doFinal(BODY));
  }
}
