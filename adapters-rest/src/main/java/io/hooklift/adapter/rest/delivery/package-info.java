/**
 * A webhook's delivery log (beyond MSR, additive): list and inspect deliveries with every attempt,
 * redeliver one, recover failed ones; and MSR's {@code POST /api/v0/webhooks/test}.
 */
package io.hooklift.adapter.rest.delivery;
