/**
 * Deliveries: one event on its way to one subscription ({@code Delivery}, its status and
 * lifecycle), the result of each attempt and its record, and the rules as pure functions: the retry
 * schedule and the egress (SSRF) policy over CIDR ranges.
 */
package io.hooklift.domain.delivery;
