package io.hooklift.adapter.rest.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * A delivery with every attempt, oldest first: the delivery's fields, {@code request} (the request
 * as last sent, signature headers included and custom header values redacted; absent until an
 * attempt reached the receiver), and {@code attemptLog}.
 */
public record DeliveryLogResponse(
    @JsonUnwrapped DeliveryResponse delivery,
    @JsonInclude(JsonInclude.Include.NON_NULL) RequestResponse request,
    List<AttemptResponse> attemptLog) {

  public DeliveryLogResponse {
    attemptLog = List.copyOf(attemptLog);
  }
}
