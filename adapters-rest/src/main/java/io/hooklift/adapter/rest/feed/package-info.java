/**
 * {@code GET /api/v0/events}: the event feed as JSON pages (long-polling) or Server-Sent Events.
 */
package io.hooklift.adapter.rest.feed;
