package io.hooklift.archfixture.adapter.rest.leak;

import com.zaxxer.hikari.HikariDataSource;

/** Breaks the REST adapter's library list: a persistence library. */
public final class RestUsesHikari {

  HikariDataSource dataSource;
}
