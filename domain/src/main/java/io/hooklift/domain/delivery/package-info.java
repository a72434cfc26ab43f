/**
 * Deliveries as pure rules: a delivery's life cycle and what follows each attempt ({@code
 * Delivery.afterAttempt}), attempt results and their log records, the retry schedule, and the
 * egress (SSRF) policy with its CIDR ranges.
 */
package io.hooklift.domain.delivery;
