/**
 * The event catalogue (15 MSR types with scope and required access), the content shape each type
 * carries and the contents records, events with their envelope, and each type's fixed example.
 */
package io.hooklift.domain.event;
