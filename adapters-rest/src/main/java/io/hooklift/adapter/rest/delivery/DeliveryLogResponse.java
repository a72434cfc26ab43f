package io.hooklift.adapter.rest.delivery;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** A delivery with every attempt, oldest first: the delivery's fields plus {@code attemptLog}. */
public record DeliveryLogResponse(
    @JsonUnwrapped DeliveryResponse delivery, List<AttemptResponse> attemptLog) {

  public DeliveryLogResponse {
    attemptLog = List.copyOf(attemptLog);
  }
}
