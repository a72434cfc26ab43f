package io.hooklift.application.contract;

import static io.hooklift.application.contract.ContractFixtures.at;
import static io.hooklift.application.contract.ContractFixtures.event;
import static io.hooklift.application.contract.ContractFixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.application.port.Deliveries.RecordedAttempt;
import io.hooklift.application.port.DeliveryExchanges;
import io.hooklift.domain.delivery.AttemptResult;
import io.hooklift.domain.delivery.AttemptResult.AttemptError;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.delivery.DeliveryStatus;
import io.hooklift.domain.delivery.SentRequest;
import io.hooklift.domain.delivery.SentRequest.HeaderLine;
import io.hooklift.domain.event.Event;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.subscription.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeliveryExchanges} promises about what recording stored: the request a delivery
 * sent last, each attempt's response headers under its number, nothing for an attempt that sent
 * nothing, and nothing stored twice.
 */
public abstract class DeliveryExchangesContractTest extends PortContractTest {

  private Delivery delivery;

  @BeforeEach
  void storeADelivery() {
    Subscription webhook =
        subscription(SubscriptionKey.parse("acme/app"), UUID.randomUUID(), at(0));
    Event event = event(1);
    delivery =
        new Delivery(
            UUID.randomUUID(),
            event.id(),
            webhook.id(),
            DeliveryStatus.PENDING,
            0,
            at(2),
            at(2),
            0);
    unitOfWork()
        .run(
            () -> {
              subscriptions().add(webhook);
              events().append(event);
              deliveries().addAll(List.of(delivery), at(0));
            });
  }

  private void record(int number, int status, Optional<SentRequest> sent, List<HeaderLine> got) {
    Delivery after =
        new Delivery(
            delivery.id(),
            delivery.eventId(),
            delivery.subscriptionId(),
            status == 200 ? DeliveryStatus.DELIVERED : DeliveryStatus.PENDING,
            number,
            delivery.createdAt(),
            at(100 + number),
            status);
    AttemptResult result =
        new AttemptResult(
            at(10 + number),
            Duration.ofMillis(3),
            status,
            status == 0 ? Optional.of(AttemptError.CONNECTION_REFUSED) : Optional.empty(),
            Optional.of("127.0.0.1"),
            "",
            Optional.empty(),
            got,
            sent);
    unitOfWork().run(() -> deliveries().record(List.of(new RecordedAttempt(after, result))));
  }

  private static SentRequest sent(String id, Optional<String> body) {
    return new SentRequest(
        List.of(new HeaderLine("webhook-id", id), new HeaderLine("x-team", SentRequest.REDACTED)),
        body);
  }

  private static List<HeaderLine> got(String value) {
    return List.of(new HeaderLine("content-type", "text/plain"), new HeaderLine("x-trace", value));
  }

  private Optional<SentRequest> request() {
    return unitOfWork().inTransaction(() -> deliveryExchanges().request(delivery.id()));
  }

  private Map<Integer, List<HeaderLine>> responseHeaders() {
    return unitOfWork().inTransaction(() -> deliveryExchanges().responseHeaders(delivery.id()));
  }

  @Test
  void givenNoAttempt_nothingWasSent() {
    assertThat(request()).isEmpty();
    assertThat(responseHeaders()).isEmpty();
  }

  @Test
  void givenAttemptsThatSent_requestIsTheLastSentAndHeadersAreKeptPerAttempt() {
    record(1, 503, Optional.of(sent("msg_1", Optional.of("{\"a\":1}"))), got("first"));
    record(2, 200, Optional.of(sent("msg_1", Optional.empty())), got("second"));

    assertThat(request()).contains(sent("msg_1", Optional.empty()));
    assertThat(responseHeaders())
        .containsOnly(Map.entry(1, got("first")), Map.entry(2, got("second")));
  }

  @Test
  void givenALaterAttemptThatSentNothing_theRequestSentBeforeStays() {
    record(1, 503, Optional.of(sent("msg_1", Optional.of("{\"custom\":true}"))), got("first"));
    record(2, 0, Optional.empty(), List.of());

    assertThat(request()).contains(sent("msg_1", Optional.of("{\"custom\":true}")));
    assertThat(responseHeaders()).containsOnlyKeys(1);
  }

  @Test
  void givenAttemptSentWithoutAnyResponseHeaders_itHasAnEmptyList() {
    record(1, 0, Optional.of(sent("msg_1", Optional.empty())), List.of());

    assertThat(responseHeaders()).containsOnly(Map.entry(1, List.of()));
  }

  @Test
  void givenTheSameAttemptRecordedTwice_theFirstDetailStays() {
    record(1, 503, Optional.of(sent("msg_1", Optional.empty())), got("first"));
    record(1, 503, Optional.of(sent("msg_2", Optional.empty())), got("again"));

    assertThat(request()).contains(sent("msg_1", Optional.empty()));
    assertThat(responseHeaders()).containsOnly(Map.entry(1, got("first")));
  }

  @Test
  void givenHostileHeaderValues_theyAreStoredOnOneLineEach() {
    List<HeaderLine> hostile = List.of(new HeaderLine("x-evil", "a\r\nx-forged: yes\u0000"));
    record(1, 503, Optional.of(sent("msg_1", Optional.empty())), hostile);

    assertThat(responseHeaders().get(1)).extracting(HeaderLine::name).containsExactly("x-evil");
  }
}
