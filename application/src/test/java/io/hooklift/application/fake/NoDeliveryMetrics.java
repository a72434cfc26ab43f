package io.hooklift.application.fake;

import io.hooklift.application.port.DeliveryMetrics;
import io.hooklift.domain.delivery.AttemptResult;
import io.hooklift.domain.delivery.DeliveryStatus;

/** Metrics that count nothing, for tests that do not look at them. */
public final class NoDeliveryMetrics implements DeliveryMetrics {

  public static final DeliveryMetrics INSTANCE = new NoDeliveryMetrics();

  private NoDeliveryMetrics() {}

  @Override
  public void attempted(AttemptResult result, DeliveryStatus after) {}

  @Override
  public void recordingFailed() {}
}
