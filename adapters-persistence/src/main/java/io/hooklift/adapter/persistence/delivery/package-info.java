/**
 * The delivery queue and log: deliveries and their attempts in plain batched JDBC, claimed with
 * {@code SKIP LOCKED} leases on PostgreSQL and with guarded leases on H2; next to them, each
 * delivery's HTTP detail (the request as sent, response headers) and a webhook's read-only figures
 * over the log.
 */
package io.hooklift.adapter.persistence.delivery;
