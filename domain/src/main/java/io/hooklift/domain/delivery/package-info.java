/** Delivery rules as pure functions: the retry schedule and the egress (SSRF) policy. */
package io.hooklift.domain.delivery;
