package io.hooklift.adapter.rest;

import io.hooklift.adapter.rest.account.AccountResource;
import io.hooklift.adapter.rest.account.OrganizationMemberResource;
import io.hooklift.adapter.rest.account.TeamResource;
import io.hooklift.adapter.rest.account.TokenResource;
import io.hooklift.adapter.rest.delivery.DeliveryResource;
import io.hooklift.adapter.rest.delivery.RecoveryResource;
import io.hooklift.adapter.rest.delivery.WebhookTestResource;
import io.hooklift.adapter.rest.error.ThrowableMapper;
import io.hooklift.adapter.rest.event.EventResource;
import io.hooklift.adapter.rest.health.HealthResource;
import io.hooklift.adapter.rest.health.PingResource;
import io.hooklift.adapter.rest.json.ApiObjectMapper;
import io.hooklift.adapter.rest.json.ObjectMapperResolver;
import io.hooklift.adapter.rest.registry.RegistryNotificationResource;
import io.hooklift.adapter.rest.registry.RegistryTokenFilter;
import io.hooklift.adapter.rest.repository.RepositoryResource;
import io.hooklift.adapter.rest.security.BasicAuthenticationFilter;
import io.hooklift.adapter.rest.security.BodyLimitFilter;
import io.hooklift.adapter.rest.security.RequireActorFilter;
import io.hooklift.adapter.rest.subscription.NamespaceWebhooksResource;
import io.hooklift.adapter.rest.subscription.RepositoryWebhooksResource;
import io.hooklift.adapter.rest.subscription.SecretRotationResource;
import io.hooklift.adapter.rest.subscription.WebhookResource;
import io.hooklift.application.Hooklift;
import java.util.Objects;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * Builds the Jersey application for the {@code /api/v0} API, {@code /_ping} and {@code /health}.
 */
public final class RestApi {

  private RestApi() {}

  public static ResourceConfig resourceConfig(Hooklift app, RestSettings settings) {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(settings, "settings");
    ResourceConfig config = new ResourceConfig();
    config.setApplicationName("hooklift");
    config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    // Nothing arrives by classpath scanning or auto-discovery: what is registered here is the API.
    config.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
    config.property(CommonProperties.JSON_PROCESSING_FEATURE_DISABLE, true);
    config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);

    config.register(new UseCaseBinder(app, settings));
    config.register(JacksonFeature.withoutExceptionMappers());
    config.register(new ObjectMapperResolver(ApiObjectMapper.create(settings.maxBodyBytes())));

    config.register(BasicAuthenticationFilter.class);
    config.register(BodyLimitFilter.class);
    config.register(RequireActorFilter.class);
    config.register(ThrowableMapper.class);

    config.register(PingResource.class);
    config.register(HealthResource.class);
    config.register(AccountResource.class);
    config.register(OrganizationMemberResource.class);
    config.register(TeamResource.class);
    config.register(TokenResource.class);
    config.register(RepositoryResource.class);
    config.register(WebhookResource.class);
    config.register(NamespaceWebhooksResource.class);
    config.register(RepositoryWebhooksResource.class);
    config.register(WebhookTestResource.class);
    config.register(SecretRotationResource.class);
    config.register(DeliveryResource.class);
    config.register(RecoveryResource.class);
    config.register(EventResource.class);
    config.register(RegistryTokenFilter.class);
    config.register(RegistryNotificationResource.class);
    return config;
  }
}
