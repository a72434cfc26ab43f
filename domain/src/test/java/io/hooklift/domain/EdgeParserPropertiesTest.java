package io.hooklift.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.domain.delivery.Cidr;
import io.hooklift.domain.filter.Severity;
import io.hooklift.domain.naming.NamespaceName;
import io.hooklift.domain.naming.RepositoryName;
import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.registry.ImageReferences;
import io.hooklift.domain.shared.Durations;
import io.hooklift.domain.shared.InvalidInput;
import io.hooklift.domain.subscription.CustomHeaders;
import io.hooklift.domain.subscription.Endpoint;
import io.hooklift.domain.subscription.HostSpelling;
import io.hooklift.domain.subscription.PayloadFormat;
import io.hooklift.domain.subscription.TlsTrust;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded property test for every parser at the edge of the domain: on generated text (valid-looking
 * pieces, separators, control and non-ASCII characters, overlong runs), each one either accepts or
 * refuses with {@link InvalidInput}, never with another exception, and what it accepts it accepts
 * again from its own output.
 */
class EdgeParserPropertiesTest {

  private static final long SEED = 20261204L;
  private static final int CASES = 1500;

  private static final List<String> PIECES =
      List.of(
          "a",
          "Z",
          "0",
          "9",
          "-",
          "_",
          "__",
          ".",
          "..",
          "/",
          ":",
          "@",
          "%",
          "%25",
          "#",
          "?",
          " ",
          "\t",
          "\u0000",
          "\u007f",
          "\u00e9",
          "\u202e",
          "\ud83d\ude00",
          "\ud800",
          "http://",
          "https://",
          "[::1]",
          "127.0.0.1",
          "0x7f",
          "sha256:",
          "fe80::1%eth0",
          "10s",
          "5m",
          "P1D",
          "-1",
          "999999999999999999999",
          "*",
          "!",
          "linux/*",
          "CRITICAL",
          "msr",
          "cloudevents",
          "x".repeat(300),
          "-----BEGIN CERTIFICATE-----",
          "-----END CERTIFICATE-----",
          "\n",
          "MIIB",
          "====",
          "-----BEGIN PRIVATE KEY-----");

  static Stream<String> texts() {
    Random r = new Random(SEED);
    return IntStream.range(0, CASES)
        .mapToObj(
            i -> {
              StringBuilder s = new StringBuilder();
              int n = r.nextInt(8);
              for (int k = 0; k < n; k++) {
                s.append(PIECES.get(r.nextInt(PIECES.size())));
              }
              return s.toString();
            });
  }

  private static final Map<String, Consumer<String>> PARSERS =
      Map.ofEntries(
          Map.entry("namespace", NamespaceName::new),
          Map.entry("repository name", RepositoryName::new),
          Map.entry(
              "repository path",
              t -> {
                int slash = t.indexOf('/');
                RepositoryPath.of(
                    slash < 0 ? t : t.substring(0, slash), slash < 0 ? "" : t.substring(slash + 1));
              }),
          Map.entry("endpoint", Endpoint::new),
          Map.entry("cidr", Cidr::parse),
          Map.entry("duration", t -> Durations.parse("field", t)),
          Map.entry("severity", t -> Severity.parse("field", t)),
          Map.entry("payload format", PayloadFormat::parse),
          Map.entry("custom header", t -> CustomHeaders.of(Map.of(t, t))),
          Map.entry("host spelling", HostSpelling::refusal),
          Map.entry("tag", ImageReferences::isValidTag),
          Map.entry("pem", TlsTrust::new),
          Map.entry(
              "pem block",
              t ->
                  new TlsTrust(
                      "-----BEGIN CERTIFICATE-----\n" + t + "\n-----END CERTIFICATE-----\n")),
          Map.entry("digest", ImageReferences::isValidDigest));

  @ParameterizedTest
  @MethodSource("texts")
  void everyEdgeParser_acceptsOrRefusesWithInvalidInput_only(String text) {
    for (Map.Entry<String, Consumer<String>> parser : PARSERS.entrySet()) {
      try {
        parser.getValue().accept(text);
      } catch (InvalidInput refused) {
        assertThat(refused.getMessage()).as("%s message", parser.getKey()).isNotBlank();
      } catch (RuntimeException other) {
        throw new AssertionError(
            parser.getKey() + " threw " + other + " for " + printable(text), other);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("texts")
  void acceptedNames_roundTrip(String text) {
    try {
      assertThat(new NamespaceName(new NamespaceName(text).value()).value()).isEqualTo(text);
    } catch (InvalidInput refused) {
      // not a name: nothing to round-trip
    }
    try {
      Endpoint endpoint = new Endpoint(text);
      assertThat(new Endpoint(endpoint.url())).isEqualTo(endpoint);
      assertThat(endpoint.uri().getHost()).isNotBlank();
    } catch (InvalidInput refused) {
      // not an endpoint
    }
  }

  private static String printable(String text) {
    StringBuilder s = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (c < 0x20 || c > 0x7e) {
                s.append(String.format("\\u%04x", c));
              } else {
                s.append((char) c);
              }
            });
    return s.toString();
  }
}
