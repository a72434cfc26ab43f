/**
 * Event intake, {@code POST /api/v0/events}: registry components report what happened. Contents are
 * read by hand, by the domain's content shape of the event type, into the sealed {@code
 * EventContents} records; every refusal names its field by its dotted path ({@code
 * contents.scanSummary.critical}).
 */
package io.hooklift.adapter.rest.event;
