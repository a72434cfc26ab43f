/**
 * Persistence adapter: Hikari pool and Flyway schema behind the application's outbound ports, with
 * plain JDBC where throughput matters (events, the delivery queue, the registry index) and
 * Hibernate ORM for the rest. {@link io.hooklift.adapter.persistence.PersistenceModule} is the only
 * entry point.
 */
package io.hooklift.adapter.persistence;
