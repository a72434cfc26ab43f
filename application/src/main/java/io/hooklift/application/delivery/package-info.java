/**
 * Getting events to subscribers: the outbox fan-out in the event's transaction, hand-off to workers
 * after commit, per-host lanes, batched recording of attempts, the claim loop for retries and crash
 * recovery, retention; and the delivery log's use cases (list, redeliver, recover, test send).
 */
package io.hooklift.application.delivery;
