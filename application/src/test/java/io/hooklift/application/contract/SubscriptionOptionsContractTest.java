package io.hooklift.application.contract;

import static io.hooklift.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.application.port.Subscriptions;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.filter.Severity;
import io.hooklift.domain.filter.SubscriptionFilters;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.subscription.CustomHeaders;
import io.hooklift.domain.subscription.Deactivation;
import io.hooklift.domain.subscription.Endpoint;
import io.hooklift.domain.subscription.PayloadFormat;
import io.hooklift.domain.subscription.SigningSecret;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.SubscriptionChanges;
import io.hooklift.domain.subscription.TlsTrust;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The {@link Subscriptions} contract for what Hooklift adds to MSR's webhook: filters, payload
 * format, custom headers and the reason a webhook is off survive storage unchanged.
 */
public abstract class SubscriptionOptionsContractTest extends PortContractTest {

  private Subscription stored(Subscription s) {
    return unitOfWork().inTransaction(() -> subscriptions().byId(s.id())).orElseThrow();
  }

  private Subscription tagPush(String key) {
    return Subscription.create(
        ContractFixtures.subscriptionId(),
        EventType.TAG_PUSH,
        SubscriptionKey.parse(key),
        new Endpoint("https://example.com/hook"),
        UUID.randomUUID(),
        T0,
        TlsTrust.NONE,
        false,
        SigningSecret.fromKey(new byte[] {1, 2, 3}));
  }

  @Test
  void givenFiltersFormatAndHeaders_byIdAndActiveMatching_returnThemUnchanged() {
    Subscription configured =
        tagPush("acme/app")
            .configured(
                new SubscriptionFilters(
                    Optional.of(SubscriptionFilters.tagPatterns(List.of("v*", "!*-rc*"))),
                    Optional.of(SubscriptionFilters.platformPatterns(List.of("linux/arm64"))),
                    Optional.of(SubscriptionFilters.mediaTypePatterns(List.of("*oci*"))),
                    Optional.of(
                        SubscriptionFilters.artifactTypePatterns(
                            List.of("application/vnd.oci.image.config.v1+json", "!*spdx*"))),
                    true,
                    Optional.empty()),
                PayloadFormat.CLOUDEVENTS_BINARY,
                CustomHeaders.of(Map.of("Authorization", "Bearer s3cret:with colon")));
    unitOfWork().run(() -> subscriptions().add(configured));

    assertThat(stored(configured)).isEqualTo(configured);
    assertThat(
            unitOfWork()
                .inTransaction(
                    () ->
                        subscriptions()
                            .activeMatching(
                                EventType.TAG_PUSH, List.of(SubscriptionKey.parse("acme/app")))))
        .containsExactly(configured);
  }

  @Test
  void givenAPauseThenARevival_theReasonIsKeptWhileOff_andForgottenAfter() {
    Subscription hook = tagPush("acme");
    unitOfWork().run(() -> subscriptions().add(hook));
    Subscription paused =
        hook.change(
            new SubscriptionChanges(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(true)),
            T0.plusSeconds(5));
    unitOfWork().run(() -> subscriptions().update(paused));

    assertThat(stored(hook).deactivation())
        .contains(
            new Deactivation(
                Deactivation.Reason.PAUSED_BY_USER,
                Optional.of(T0.plusSeconds(5)),
                Optional.empty()));

    Subscription revived =
        paused.change(
            new SubscriptionChanges(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(false)),
            T0.plusSeconds(6));
    unitOfWork().run(() -> subscriptions().update(revived));
    assertThat(stored(hook).deactivation()).isEmpty();
  }

  @Test
  void givenSustainedFailure_markFailed_recordsFailingSinceTheLastSuccessOrCreation() {
    Subscription hook = tagPush("acme");
    unitOfWork().run(() -> subscriptions().add(hook));

    unitOfWork()
        .inTransaction(
            () ->
                subscriptions().markFailed(Map.of(hook.id(), 10), 10, T0.plus(Duration.ofDays(1))));

    Subscription off = stored(hook);
    assertThat(off.inactive()).isTrue();
    assertThat(off.deactivation().orElseThrow().reason()).isEqualTo(Deactivation.Reason.FAILING);
    assertThat(off.deactivation().orElseThrow().failingSince()).contains(T0);
    assertThat(off.deactivation().orElseThrow().describe())
        .isEqualTo("failing_since 2026-03-14T15:09:26.535897Z");
  }

  @Test
  void givenSeverityFilterOnAScanWebhook_itIsStored() {
    Subscription scans =
        Subscription.create(
                ContractFixtures.subscriptionId(),
                EventType.SCAN_COMPLETED,
                SubscriptionKey.parse("acme"),
                new Endpoint("https://example.com/scans"),
                UUID.randomUUID(),
                T0,
                TlsTrust.NONE,
                false,
                SigningSecret.fromKey(new byte[] {4}))
            .configured(
                new SubscriptionFilters(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    false,
                    Optional.of(Severity.MAJOR)),
                PayloadFormat.SLACK,
                CustomHeaders.NONE);
    unitOfWork().run(() -> subscriptions().add(scans));

    assertThat(stored(scans)).isEqualTo(scans);
  }
}
