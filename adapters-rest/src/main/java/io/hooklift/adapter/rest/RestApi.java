package io.hooklift.adapter.rest;

import io.hooklift.adapter.rest.account.AccountResource;
import io.hooklift.adapter.rest.account.OrganizationMemberResource;
import io.hooklift.adapter.rest.account.TeamResource;
import io.hooklift.adapter.rest.account.TokenResource;
import io.hooklift.adapter.rest.console.ConsoleResource;
import io.hooklift.adapter.rest.console.SecurityHeadersFilter;
import io.hooklift.adapter.rest.delivery.DeliveryResource;
import io.hooklift.adapter.rest.delivery.RecoveryResource;
import io.hooklift.adapter.rest.delivery.WebhookCheckResource;
import io.hooklift.adapter.rest.delivery.WebhookStatsResource;
import io.hooklift.adapter.rest.delivery.WebhookTestResource;
import io.hooklift.adapter.rest.error.ThrowableMapper;
import io.hooklift.adapter.rest.event.EventResource;
import io.hooklift.adapter.rest.feed.EventFeedResource;
import io.hooklift.adapter.rest.health.HealthResource;
import io.hooklift.adapter.rest.health.PingResource;
import io.hooklift.adapter.rest.json.ApiObjectMapper;
import io.hooklift.adapter.rest.json.ObjectMapperResolver;
import io.hooklift.adapter.rest.json.StrictUtf8;
import io.hooklift.adapter.rest.openapi.ApiResources;
import io.hooklift.adapter.rest.openapi.OpenApiResource;
import io.hooklift.adapter.rest.registry.RegistryNotificationResource;
import io.hooklift.adapter.rest.registry.RegistryTokenFilter;
import io.hooklift.adapter.rest.repository.RepositoryResource;
import io.hooklift.adapter.rest.security.BasicAuthenticationFilter;
import io.hooklift.adapter.rest.security.BodyLimitFilter;
import io.hooklift.adapter.rest.security.RequireActorFilter;
import io.hooklift.adapter.rest.security.UnreadBodyFilter;
import io.hooklift.adapter.rest.session.CrossOriginRequestFilter;
import io.hooklift.adapter.rest.session.LoginResource;
import io.hooklift.adapter.rest.session.ScriptChallengeFilter;
import io.hooklift.adapter.rest.session.SessionAuthenticationFilter;
import io.hooklift.adapter.rest.session.SessionResource;
import io.hooklift.adapter.rest.subscription.NamespaceWebhooksResource;
import io.hooklift.adapter.rest.subscription.RepositoryWebhooksResource;
import io.hooklift.adapter.rest.subscription.SecretRotationResource;
import io.hooklift.adapter.rest.subscription.WebhookResource;
import io.hooklift.application.Hooklift;
import io.hooklift.application.session.SessionUseCases;
import java.util.List;
import java.util.Objects;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * Builds the Jersey application: the {@code /api/v0} API, {@code /_ping}, {@code /health}, the
 * OpenAPI document and the web console.
 */
public final class RestApi {

  /** The API's resources: what is served under {@code /api/v0} and described by its document. */
  public static final List<Class<?>> API_RESOURCES =
      List.of(
          PingResource.class,
          HealthResource.class,
          AccountResource.class,
          OrganizationMemberResource.class,
          TeamResource.class,
          TokenResource.class,
          RepositoryResource.class,
          WebhookResource.class,
          NamespaceWebhooksResource.class,
          RepositoryWebhooksResource.class,
          WebhookTestResource.class,
          WebhookCheckResource.class,
          WebhookStatsResource.class,
          EventFeedResource.class,
          SecretRotationResource.class,
          DeliveryResource.class,
          RecoveryResource.class,
          EventResource.class,
          RegistryNotificationResource.class,
          LoginResource.class,
          SessionResource.class,
          OpenApiResource.class);

  private RestApi() {}

  public static ResourceConfig resourceConfig(
      Hooklift app, SessionUseCases sessions, RestSettings settings, ConsoleSettings console) {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(console, "console");
    ResourceConfig config = new ResourceConfig();
    config.setApplicationName("hooklift");
    config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    // Nothing arrives by classpath scanning or auto-discovery: what is registered here is the API.
    config.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
    config.property(CommonProperties.JSON_PROCESSING_FEATURE_DISABLE, true);
    config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);

    config.register(new UseCaseBinder(app, settings));
    config.register(
        new AbstractBinder() {
          @Override
          protected void configure() {
            bind(sessions).to(SessionUseCases.class);
            bind(console).to(ConsoleSettings.class);
            bind(new ApiResources(API_RESOURCES)).to(ApiResources.class);
          }
        });
    config.register(JacksonFeature.withoutExceptionMappers());
    config.register(new ObjectMapperResolver(ApiObjectMapper.create(settings.maxBodyBytes())));

    config.register(CrossOriginRequestFilter.class);
    config.register(SessionAuthenticationFilter.class);
    config.register(BasicAuthenticationFilter.class);
    config.register(BodyLimitFilter.class);
    config.register(UnreadBodyFilter.class);
    config.register(RequireActorFilter.class);
    config.register(RegistryTokenFilter.class);
    config.register(ScriptChallengeFilter.class);
    config.register(SecurityHeadersFilter.class);
    config.register(ThrowableMapper.class);
    config.register(StrictUtf8.class);

    API_RESOURCES.forEach(config::register);
    config.register(ConsoleResource.class);
    return config;
  }
}
