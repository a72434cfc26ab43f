/**
 * Who the caller is and what they are to a resource, as pure functions over facts looked up
 * elsewhere.
 */
package io.hooklift.domain.access;
