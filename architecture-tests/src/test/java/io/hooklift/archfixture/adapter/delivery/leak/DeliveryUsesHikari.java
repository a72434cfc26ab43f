package io.hooklift.archfixture.adapter.delivery.leak;

import com.zaxxer.hikari.HikariConfig;

/** Breaks the delivery adapter's library list: a connection pool belongs to persistence. */
public final class DeliveryUsesHikari {

  HikariConfig pool;
}
