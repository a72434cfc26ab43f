/**
 * The delivery queue and log: deliveries and their attempts in plain batched JDBC, claimed with
 * {@code SKIP LOCKED} leases on PostgreSQL and with guarded leases on H2.
 */
package io.hooklift.adapter.persistence.delivery;
