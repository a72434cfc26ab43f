/**
 * Persistence adapter: Hikari pool, Flyway schema and Hibernate ORM behind the application's
 * outbound ports. {@link io.hooklift.adapter.persistence.PersistenceModule} is the only entry
 * point.
 */
package io.hooklift.adapter.persistence;
