package io.hooklift.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A request whose body nothing read keeps the connection usable when the body arrives after the
 * request's headers, as the JDK's HttpClient sends it: Jersey's own refusals (404, 405, 415), and
 * resource methods that take no body but answer 2xx to a client that sends one anyway. Jetty closes
 * a connection whose request body was neither read nor complete once the response is out, without
 * saying so in the response; a client that pooled the connection then loses its next request
 * ("received no bytes"), which once failed TransportErrorsTest and later DeliveryApiTest (a
 * redeliver posted with {@code {}}).
 */
class KeepAliveWithUnreadBodyTest extends ApiTestBase {

  @Test
  void givenBodyArrivingAfterTheHeaders_methodNotAllowed_leavesTheConnectionUsable()
      throws Exception {
    String authorization = ApiClient.basic("test-user", world.token);
    assertNextRequestIsAnswered("PUT /api/v0/webhooks", authorization, "HTTP/1.1 405");
  }

  @Test
  void givenBodyArrivingAfterTheHeaders_acceptedRequestThatTakesNoBody_leavesTheConnectionUsable()
      throws Exception {
    String authorization = ApiClient.basic("admin", TestServer.ADMIN_PASSWORD);
    assertNextRequestIsAnswered(
        "PUT /api/v0/accounts/" + SeedWorld.ORG + "/teams/lab-admins/members/test-user",
        authorization,
        "HTTP/1.1 200");
  }

  /**
   * Sends {@code request} with a two-byte body 300 ms after its headers, expects {@code status},
   * then lists webhooks on the same connection and expects that to be answered.
   */
  private void assertNextRequestIsAnswered(String request, String authorization, String status)
      throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.uri("/").getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      write(
          out,
          request
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
              + authorization
              + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n");
      Thread.sleep(300); // the server has answered by now, without the body
      write(out, "{}");
      assertThat(readResponse(in)).startsWith(status);

      write(
          out,
          "GET /api/v0/webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
              + authorization
              + "\r\n\r\n");
      assertThat(readResponse(in)).startsWith("HTTP/1.1 200");
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Status line and headers of one response; its body (sized or chunked) is read and dropped. */
  private static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return "connection closed after: " + head.toString(StandardCharsets.US_ASCII);
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.US_ASCII);
    for (String line : text.split("\r\n")) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        in.readNBytes(Integer.parseInt(line.substring(line.indexOf(':') + 1).strip()));
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        skipChunks(in);
      }
    }
    return text;
  }

  private static void skipChunks(InputStream in) throws IOException {
    while (true) {
      int size = Integer.parseInt(readLine(in).split(";")[0].strip(), 16);
      in.readNBytes(size);
      readLine(in); // the CRLF after the chunk, or after the last (empty) one
      if (size == 0) {
        return;
      }
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }
}
