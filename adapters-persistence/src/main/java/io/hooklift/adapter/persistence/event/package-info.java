/** The event log: each event with the envelope JSON exactly as it will be delivered. */
package io.hooklift.adapter.persistence.event;
