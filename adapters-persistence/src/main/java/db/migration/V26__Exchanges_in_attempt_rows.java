package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A delivery's HTTP detail moves into its attempt rows (issue 14): the request an attempt sent and
 * the response headers it got become columns of {@code delivery_attempts}, and the two tables V11
 * made for them go. Recording a delivery then writes one attempt row instead of an attempt row, a
 * request row (after deleting the previous one) and a response-headers row, each table with its own
 * primary-key index; on H2 each of those is pages rewritten on every commit.
 *
 * <ul>
 *   <li>{@code request_headers}, {@code request_body}: what the attempt sent; NULL when it sent
 *       nothing (it failed before a connection). {@code request_body} NULL with headers: the
 *       event's stored MSR envelope unchanged, as before.
 *   <li>{@code response_headers}: NULL when the attempt sent nothing.
 * </ul>
 *
 * <p>The request was kept once per delivery, as last sent; it goes to the highest-numbered attempt
 * that has response headers, the one that sent it. Java only for the column additions: H2 copies a
 * table on every {@code ADD COLUMN}, so the three columns are added in one statement, whose syntax
 * differs between the two databases.
 */
public class V26__Exchanges_in_attempt_rows extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    boolean h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          h2
              ? "ALTER TABLE delivery_attempts ADD (request_headers VARCHAR, request_body VARCHAR,"
                  + " response_headers VARCHAR)"
              : "ALTER TABLE delivery_attempts ADD COLUMN request_headers VARCHAR,"
                  + " ADD COLUMN request_body VARCHAR, ADD COLUMN response_headers VARCHAR");
      statement.execute(
          "UPDATE delivery_attempts a SET response_headers = (SELECT r.headers"
              + " FROM delivery_response_headers r WHERE r.delivery_id = a.delivery_id"
              + " AND r.number = a.number) WHERE EXISTS (SELECT 1 FROM delivery_response_headers r"
              + " WHERE r.delivery_id = a.delivery_id AND r.number = a.number)");
      statement.execute(
          "UPDATE delivery_attempts a SET"
              + " request_headers = (SELECT q.headers FROM delivery_requests q"
              + " WHERE q.delivery_id = a.delivery_id),"
              + " request_body = (SELECT q.body FROM delivery_requests q"
              + " WHERE q.delivery_id = a.delivery_id)"
              + " WHERE a.number = (SELECT MAX(r.number) FROM delivery_response_headers r"
              + " WHERE r.delivery_id = a.delivery_id)"
              + " AND EXISTS (SELECT 1 FROM delivery_requests q WHERE q.delivery_id = a.delivery_id)");
      statement.execute("DROP TABLE delivery_requests");
      statement.execute("DROP TABLE delivery_response_headers");
    }
  }
}
