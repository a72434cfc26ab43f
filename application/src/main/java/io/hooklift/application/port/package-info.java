/**
 * Outbound ports: what the application needs from the outside world (storage and transactions, ids
 * and secrets, sending webhooks, the registry's API, health probes). Adapters implement them;
 * inbound adapters such as REST must never call them directly.
 */
package io.hooklift.application.port;
