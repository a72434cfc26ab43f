/**
 * The event catalogue (15 MSR types with scope and required access), event contents, and events.
 */
package io.hooklift.domain.event;
