/**
 * Getting events to subscribers: fan-out in the event's transaction, hand-off to workers after
 * commit, per-host lanes, batched recording of attempts, and the claim loop for retries and crash
 * recovery.
 */
package io.hooklift.application.delivery;
