/** Webhook subscriptions: the aggregate, its endpoint, TLS trust and signing secret. */
package io.hooklift.domain.subscription;
