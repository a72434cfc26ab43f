package io.hooklift.adapter.persistence.subscription;

import io.hooklift.adapter.persistence.Jdbc;
import io.hooklift.domain.subscription.Subscription;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Reads subscriptions from plain JDBC results (the batched delivery paths never load entities),
 * through the same mapping to the domain as the entity: {@link SubscriptionJpaEntity#toDomain}.
 */
public final class SubscriptionRows {

  /** How many columns {@link #columns} selects. */
  public static final int COLUMN_COUNT = 20;

  private SubscriptionRows() {}

  /** The select list {@link #read} expects, for the table aliased as {@code alias}. */
  public static String columns(String alias) {
    String a = alias + ".";
    return String.join(
        ", ",
        a + "id",
        a + "type",
        a + "key_text",
        a + "key_namespace",
        a + "key_repository",
        a + "endpoint",
        a + "author_id",
        a + "created_at",
        a + "last_successful_at",
        a + "inactive",
        a + "tls_cert",
        a + "skip_tls_verification",
        a + "secret",
        a + "retired_secrets",
        a + "filters",
        a + "payload_format",
        a + "headers",
        a + "disabled_reason",
        a + "disabled_at",
        a + "failing_since");
  }

  /** The subscription whose {@link #columns} start at column {@code first} of the current row. */
  public static Subscription read(ResultSet rs, int first) throws SQLException {
    SubscriptionJpaEntity row = new SubscriptionJpaEntity();
    int i = first;
    row.id = rs.getString(i++).strip(); // CHAR(64): never padded for well-formed ids, but be exact
    row.type = rs.getString(i++);
    row.keyText = rs.getString(i++);
    row.keyNamespace = rs.getString(i++);
    row.keyRepository = rs.getString(i++);
    row.endpoint = rs.getString(i++);
    row.authorId = rs.getObject(i++, UUID.class);
    row.createdAt = Jdbc.instant(rs, i++);
    row.lastSuccessfulAt = Jdbc.instant(rs, i++);
    row.inactive = rs.getBoolean(i++);
    row.tlsCert = rs.getString(i++);
    row.skipTlsVerification = rs.getBoolean(i++);
    row.secret = rs.getString(i++);
    row.retiredSecrets = rs.getString(i++);
    row.filters = rs.getString(i++);
    row.payloadFormat = rs.getString(i++);
    row.headers = rs.getString(i++);
    row.disabledReason = rs.getString(i++);
    row.disabledAt = Jdbc.instant(rs, i++);
    row.failingSince = Jdbc.instant(rs, i);
    return row.toDomain();
  }
}
