/**
 * Event intake, {@code POST /api/v0/events}: checks who reports an event and what it says, then
 * stores it through the outbox, group-committed with other intake requests.
 */
package io.hooklift.application.event;
