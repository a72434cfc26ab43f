package io.hooklift.application.fake;

import io.hooklift.application.port.WebhookSender;
import io.hooklift.domain.delivery.AttemptResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A receiver that accepts everything without a network: keeps what it was sent, answers 204. */
public final class RecordingSender implements WebhookSender {

  private final List<OutgoingWebhook> sent = new CopyOnWriteArrayList<>();

  @Override
  public AttemptResult send(OutgoingWebhook webhook) {
    sent.add(webhook);
    return new AttemptResult(
        webhook.timestamp(),
        Duration.ofMillis(1),
        204,
        Optional.empty(),
        Optional.of("192.0.2.1"),
        "",
        Optional.empty());
  }

  public List<OutgoingWebhook> sent() {
    return List.copyOf(sent);
  }
}
