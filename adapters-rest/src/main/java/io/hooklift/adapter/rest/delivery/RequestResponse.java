package io.hooklift.adapter.rest.delivery;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.hooklift.domain.delivery.SentRequest;
import java.util.List;

/** A delivery's request as it went out: its headers in order and its body as text. */
@JsonPropertyOrder({"headers", "body"})
public record RequestResponse(List<HeaderResponse> headers, String body) {

  static RequestResponse of(SentRequest sent) {
    return new RequestResponse(
        sent.headers().stream().map(h -> new HeaderResponse(h.name(), h.value())).toList(),
        sent.body().orElse(null));
  }
}
