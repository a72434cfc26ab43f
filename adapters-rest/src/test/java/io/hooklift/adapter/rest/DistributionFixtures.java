package io.hooklift.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Posts the notification bodies a Distribution 2.8 registry really sent (test resources {@code
 * distribution/<operation>/NN.body}) to a test server, as the registry posts them.
 */
final class DistributionFixtures {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private DistributionFixtures() {}

  /** Posts every captured body of an operation in order, each answered 200. */
  static void replay(TestServer server, String token, String operation) throws Exception {
    for (int i = 1; exists(operation, i); i++) {
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(server.uri("/api/v0/registry/notifications"))
                  .header("Content-Type", "application/vnd.docker.distribution.events.v1+json")
                  .header("Authorization", "Bearer " + token)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body(operation, i)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }
  }

  static boolean exists(String operation, int number) {
    return DistributionFixtures.class.getResource(path(operation, number)) != null;
  }

  static byte[] body(String operation, int number) {
    try (InputStream in = DistributionFixtures.class.getResourceAsStream(path(operation, number))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String path(String operation, int number) {
    return String.format("/distribution/%s/%02d.body", operation, number);
  }
}
