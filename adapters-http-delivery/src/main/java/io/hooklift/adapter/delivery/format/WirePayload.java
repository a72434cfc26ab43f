package io.hooklift.adapter.delivery.format;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request body ready to sign and send, with its content type and the headers its format adds
 * ({@code ce-*} in CloudEvents binary mode).
 */
public record WirePayload(
    byte[] body, String contentType, List<Map.Entry<String, String>> headers) {

  public WirePayload {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(contentType, "contentType");
    headers = List.copyOf(headers);
  }
}
