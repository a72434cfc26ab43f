/**
 * Outbound ports: what the application needs from the outside world (storage, time, randomness).
 * Adapters implement them; inbound adapters such as REST must never call them directly.
 */
package io.hooklift.application.port;
