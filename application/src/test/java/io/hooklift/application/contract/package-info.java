/**
 * Contract tests of the outbound persistence ports: one abstract class per port, run against the
 * in-memory fakes here and against H2 and PostgreSQL in the persistence adapter.
 */
package io.hooklift.application.contract;
