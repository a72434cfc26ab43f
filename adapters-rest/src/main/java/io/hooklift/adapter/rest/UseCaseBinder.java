package io.hooklift.adapter.rest;

import io.hooklift.application.Hooklift;
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
import org.glassfish.hk2.utilities.binding.AbstractBinder;

/**
 * Makes the inbound use cases injectable into resources and filters (constructor {@code @Inject}).
 */
final class UseCaseBinder extends AbstractBinder {

  private final Hooklift app;
  private final RestSettings settings;

  UseCaseBinder(Hooklift app, RestSettings settings) {
    this.app = app;
    this.settings = settings;
  }

  @Override
  protected void configure() {
    bind(app.authentication()).to(AuthenticationUseCases.class);
    bind(app.accounts()).to(AccountUseCases.class);
    bind(app.organizations()).to(OrganizationUseCases.class);
    bind(app.tokens()).to(TokenUseCases.class);
    bind(app.repositories()).to(RepositoryUseCases.class);
    bind(app.webhooks()).to(WebhookUseCases.class);
    bind(app.events()).to(EventIntakeUseCases.class);
    bind(app.deliveries()).to(DeliveryUseCases.class);
    bind(app.registry()).to(RegistryNotificationUseCases.class);
    bind(app.health()).to(HealthUseCases.class);
    bind(app.feed()).to(EventFeedUseCases.class);
    bind(settings).to(RestSettings.class);
  }
}
