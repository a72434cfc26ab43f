/** Webhook subscriptions, listed by keyset pages ordered by (created_at, id). */
package io.hooklift.adapter.persistence.subscription;
