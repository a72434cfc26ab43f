package io.hooklift.adapter.rest.subscription;

import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.shared.Timestamps;
import io.hooklift.domain.subscription.Deactivation;
import io.hooklift.domain.subscription.Endpoint;
import io.hooklift.domain.subscription.PayloadFormat;
import io.hooklift.domain.subscription.SigningSecret;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.SubscriptionId;
import io.hooklift.domain.subscription.TlsTrust;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/** Subscription → MSR JSON. Keys as their wire text, times as RFC 3339, "never" as year 1. */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
interface WebhookMapper {

  WebhookMapper INSTANCE = Mappers.getMapper(WebhookMapper.class);

  @Mapping(target = "authorID", source = "authorId")
  @Mapping(target = "tlsCert", source = "tlsTrust")
  @Mapping(target = "skipTLSVerification", source = "skipTlsVerification")
  @Mapping(target = "filters", expression = "java(FiltersResponse.of(subscription.filters()))")
  @Mapping(target = "payloadFormat", expression = "java(payloadFormat(subscription))")
  @Mapping(target = "headerNames", expression = "java(headerNames(subscription))")
  @Mapping(target = "disabledReason", expression = "java(disabledReason(subscription))")
  @Mapping(target = "disabledAt", expression = "java(disabledAt(subscription))")
  WebhookResponse toResponse(Subscription subscription);

  default CreatedWebhookResponse toCreatedResponse(Subscription subscription) {
    return new CreatedWebhookResponse(toResponse(subscription), secret(subscription.secret()));
  }

  default String id(SubscriptionId id) {
    return id.value();
  }

  default String key(SubscriptionKey key) {
    return key.text();
  }

  default String endpoint(Endpoint endpoint) {
    return endpoint.url();
  }

  default String tlsCert(TlsTrust trust) {
    return trust.pem();
  }

  default String secret(SigningSecret secret) {
    return secret.value();
  }

  default String time(Instant instant) {
    return Timestamps.format(instant);
  }

  default String timeOrNever(Optional<Instant> instant) {
    return Timestamps.formatOrNever(instant);
  }

  /** Left out for the MSR format, so MSR clients see nothing new. */
  default String payloadFormat(Subscription subscription) {
    return subscription.payloadFormat() == PayloadFormat.MSR
        ? null
        : subscription.payloadFormat().wireName();
  }

  default List<String> headerNames(Subscription subscription) {
    return subscription.headers().isEmpty() ? null : subscription.headers().names();
  }

  default String disabledReason(Subscription subscription) {
    return subscription.deactivation().map(Deactivation::describe).orElse(null);
  }

  default String disabledAt(Subscription subscription) {
    return subscription
        .deactivation()
        .flatMap(Deactivation::at)
        .map(Timestamps::format)
        .orElse(null);
  }
}
