/** A delivery's HTTP detail (request as sent, response headers) for its log, in plain JDBC. */
package io.hooklift.adapter.persistence.detail;
