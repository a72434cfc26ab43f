package io.hooklift.application.delivery;

import io.hooklift.application.port.WebhookSender;
import io.hooklift.domain.delivery.AttemptResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

/** A sender whose answers follow a script by call number; records every request it was given. */
final class ScriptedSender implements WebhookSender {

  final List<OutgoingWebhook> sent = new CopyOnWriteArrayList<>();
  private final IntFunction<Integer> statusForCall;

  ScriptedSender(IntFunction<Integer> statusForCall) {
    this.statusForCall = statusForCall;
  }

  @Override
  public AttemptResult send(OutgoingWebhook webhook) {
    sent.add(webhook);
    int status = statusForCall.apply(sent.size());
    return new AttemptResult(
        Instant.now(),
        Duration.ofMillis(1),
        status,
        Optional.empty(),
        Optional.of("10.0.0.1"),
        "ok",
        Optional.empty());
  }
}
