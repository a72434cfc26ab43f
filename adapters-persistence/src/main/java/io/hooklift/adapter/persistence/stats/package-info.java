/** Read-only figures over the delivery log for a webhook's stats, in plain JDBC. */
package io.hooklift.adapter.persistence.stats;
