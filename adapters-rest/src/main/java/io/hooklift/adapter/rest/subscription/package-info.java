/**
 * MSR's webhook API: subscribe, list (own, per repository, per namespace), change, delete, and the
 * catalogue of event types. DTOs are records; MapStruct maps subscriptions out, requests are parsed
 * by hand.
 */
package io.hooklift.adapter.rest.subscription;
