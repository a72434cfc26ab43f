/**
 * What {@code /metrics} shows: one Prometheus registry for deliveries, registry intake, HTTP
 * requests and the JVM, fed by wrappers and port implementations the composition root installs.
 */
package io.hooklift.bootstrap.metrics;
