/** The event feed: sequencing committed events into positions, and reading them, in plain JDBC. */
package io.hooklift.adapter.persistence.feed;
