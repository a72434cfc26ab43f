package io.hooklift.adapter.rest.registry;

/**
 * What became of an envelope's events. The registry ignores the body; it is there for people
 * replaying notifications with curl.
 *
 * @param events webhook events stored
 * @param dropped events that were noise or unreadable
 * @param duplicates events whose id had been handled before
 */
public record NotificationReceipt(int events, int dropped, int duplicates) {}
