/**
 * Building blocks every domain package shares: errors with a kind, RFC 3339 time, a minimal JSON
 * writer.
 */
package io.hooklift.domain.shared;
