/** Webhook subscriptions: the MSR-compatible create, list, change and delete. */
package io.hooklift.application.subscription;
