package io.hooklift.application;

import io.hooklift.application.account.AccountUseCases;
import io.hooklift.application.account.AuthenticationUseCases;
import io.hooklift.application.account.OrganizationUseCases;
import io.hooklift.application.account.TokenUseCases;
import io.hooklift.application.delivery.DeliveryUseCases;
import io.hooklift.application.event.EventIntakeUseCases;
import io.hooklift.application.feed.EventFeedUseCases;
import io.hooklift.application.health.HealthUseCases;
import io.hooklift.application.registry.RegistryNotificationUseCases;
import io.hooklift.application.repository.RepositoryUseCases;
import io.hooklift.application.subscription.WebhookUseCases;

/**
 * The application's inbound side, assembled: one object per capability. Inbound adapters receive
 * this (or parts of it) and never the outbound ports.
 */
public record Hooklift(
    AuthenticationUseCases authentication,
    AccountUseCases accounts,
    OrganizationUseCases organizations,
    TokenUseCases tokens,
    RepositoryUseCases repositories,
    WebhookUseCases webhooks,
    EventIntakeUseCases events,
    DeliveryUseCases deliveries,
    RegistryNotificationUseCases registry,
    HealthUseCases health,
    EventFeedUseCases feed) {

  /** The same use cases with the registry intake replaced, for example by a counting wrapper. */
  public Hooklift withRegistry(RegistryNotificationUseCases replacement) {
    return new Hooklift(
        authentication,
        accounts,
        organizations,
        tokens,
        repositories,
        webhooks,
        events,
        deliveries,
        replacement,
        health,
        feed);
  }

  /** The same use cases with the health check replaced. */
  public Hooklift withHealth(HealthUseCases replacement) {
    return new Hooklift(
        authentication,
        accounts,
        organizations,
        tokens,
        repositories,
        webhooks,
        events,
        deliveries,
        registry,
        replacement,
        feed);
  }
}
