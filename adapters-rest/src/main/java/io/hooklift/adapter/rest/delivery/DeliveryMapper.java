package io.hooklift.adapter.rest.delivery;

import io.hooklift.application.delivery.DeliveryUseCases.DeliveryLog;
import io.hooklift.domain.delivery.AttemptRecord;
import io.hooklift.domain.delivery.AttemptResult;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.delivery.DeliveryStatus;
import io.hooklift.domain.shared.Timestamps;
import io.hooklift.domain.subscription.SubscriptionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/** Deliveries and their attempts → JSON: ids as text, times as RFC 3339, statuses in lower case. */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
interface DeliveryMapper {

  DeliveryMapper INSTANCE = Mappers.getMapper(DeliveryMapper.class);

  @Mapping(target = "webhookID", source = "subscriptionId")
  @Mapping(target = "eventID", source = "eventId")
  @Mapping(target = "messageID", expression = "java(delivery.messageId())")
  DeliveryResponse toResponse(Delivery delivery);

  default DeliveryLogResponse toLogResponse(DeliveryLog log) {
    return new DeliveryLogResponse(
        toResponse(log.delivery()),
        log.request().map(RequestResponse::of).orElse(null),
        log.attempts().stream().map(this::toAttempt).toList());
  }

  /**
   * Durations as fractional milliseconds and seconds; absent values as JSON null. {@code Row} is an
   * outbound-port type that {@code DeliveryUseCases.DeliveryLog} hands out; this is the only place
   * the REST adapter touches it.
   */
  default AttemptResponse toAttempt(AttemptRecord row) {
    AttemptResult r = row.result();
    return new AttemptResponse(
        row.number(),
        time(r.startedAt()),
        r.duration().toNanos() / 1_000_000.0,
        r.statusCode(),
        r.error().map(Enum::name).orElse(null),
        r.resolvedIp().orElse(null),
        r.responseExcerpt(),
        r.retryAfter().map(Duration::toMillis).map(ms -> ms / 1000.0).orElse(null),
        r.responseHeaders().stream().map(h -> new HeaderResponse(h.name(), h.value())).toList());
  }

  default String id(UUID id) {
    return id.toString();
  }

  default String webhookId(SubscriptionId id) {
    return id.value();
  }

  default String status(DeliveryStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  default String time(Instant instant) {
    return Timestamps.format(instant);
  }
}
