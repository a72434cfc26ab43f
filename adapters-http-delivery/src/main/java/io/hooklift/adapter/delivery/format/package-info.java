/**
 * What goes on the wire for each payload format: the stored MSR envelope as it is, as a CloudEvent
 * (structured or binary mode), or as a Slack message, rendered at send time from the envelope.
 */
package io.hooklift.adapter.delivery.format;
