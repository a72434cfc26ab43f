package io.hooklift.adapter.rest.subscription;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The answer to a create: the subscription plus its signing {@code secret}, shown this once. */
public record CreatedWebhookResponse(@JsonUnwrapped WebhookResponse webhook, String secret) {}
