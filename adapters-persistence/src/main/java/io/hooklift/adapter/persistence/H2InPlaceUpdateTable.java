package io.hooklift.adapter.persistence;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.api.ErrorCode;
import org.h2.command.Prepared;
import org.h2.command.ddl.CreateTableData;
import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.message.DbException;
import org.h2.mvstore.db.MVTable;
import org.h2.mvstore.db.Store;
import org.h2.result.LocalResult;
import org.h2.result.Row;
import org.h2.result.SearchRow;
import org.h2.schema.TriggerObject;
import org.h2.table.Column;

/**
 * An H2 table whose SQL {@code UPDATE} changes a row in place: the row is replaced under its key
 * and a secondary index is touched only if the row's key in it changed.
 *
 * <p>Why: H2 (2.4) runs every {@code UPDATE} as a delete of the old rows from every index followed
 * by an insert of the new ones into every index. Recording an attempt changes a delivery's status
 * and due time, which only the claim index holds, but H2 also took the row out of and put it back
 * into the primary key's, the webhook log's and the event's index: ten index changes where three
 * suffice, each one undo-logged, committed and written to the file (docs/performance.md, "An UPDATE
 * that touches only what changed"). H2 has the in-place path ({@link MVTable#updateRow}), and uses
 * it for its own metadata only.
 *
 * <p>H2's way, all rows out and then all rows in, is kept where row by row would differ:
 *
 * <ul>
 *   <li>a statement that changes the row key or a unique index's columns: moving unique keys
 *       between its rows ({@code SET n = n + 1}), it could meet a key another row still holds;
 *   <li>a table with triggers: a trigger may change a row of the statement before its turn, which
 *       H2's way detects (the old key is no longer there) and row by row would not.
 * </ul>
 *
 * Like H2's way, a statement that meets a concurrent update, or a row gone meanwhile, undoes all
 * its rows before H2 runs it again.
 */
final class H2InPlaceUpdateTable extends MVTable {

  /** Triggers on this table; counted here, as H2 keeps its list private. */
  private final AtomicInteger triggerCount = new AtomicInteger();

  H2InPlaceUpdateTable(CreateTableData data, Store store) {
    super(data, store);
  }

  @Override
  public void addTrigger(TriggerObject trigger) {
    super.addTrigger(trigger);
    triggerCount.incrementAndGet();
  }

  @Override
  public void removeTrigger(TriggerObject trigger) {
    super.removeTrigger(trigger);
    triggerCount.decrementAndGet();
  }

  /** {@code rows} holds pairs: old row, new row, old row, new row, … */
  @Override
  public void updateRows(Prepared prepared, SessionLocal session, LocalResult rows) {
    if (triggerCount.get() > 0 || !keepsUniqueKeys(rows)) {
      super.updateRows(prepared, session, rows);
      return;
    }
    // H2 retries a statement that failed on these errors without undoing it first: undo it here,
    // as H2's way does, or the retry would apply its changes to the rows done before twice.
    SessionLocal.Savepoint statement = session.setSavepoint();
    int scanned = 0;
    rows.reset();
    while (rows.next()) {
      if ((++scanned & 63) == 0) {
        prepared.checkCanceled();
      }
      Row old = rows.currentRowForTable();
      rows.next();
      try {
        updateRow(session, old, rows.currentRowForTable());
      } catch (DbException e) {
        if (e.getErrorCode() == ErrorCode.CONCURRENT_UPDATE_1
            || e.getErrorCode() == ErrorCode.ROW_NOT_FOUND_WHEN_DELETING_1) {
          session.rollbackTo(statement);
        }
        throw e;
      }
    }
  }

  /**
   * Whether no pair changes its row key or any unique index's columns; leaves {@code rows} reset.
   */
  private boolean keepsUniqueKeys(LocalResult rows) {
    int mainColumn = getMainIndexColumn();
    rows.reset();
    try {
      while (rows.next()) {
        Row old = rows.currentRowForTable();
        rows.next();
        Row updated = rows.currentRowForTable();
        if (old.getKey() != updated.getKey()
            || mainColumn != SearchRow.ROWID_INDEX && changed(old, updated, mainColumn)) {
          return false;
        }
        for (Index index : getIndexes()) {
          if (index.getIndexType().isUnique() && !index.getIndexType().isScan()) {
            for (Column column : index.getColumns()) {
              if (changed(old, updated, column.getColumnId())) {
                return false;
              }
            }
          }
        }
      }
      return true;
    } finally {
      rows.reset();
    }
  }

  /**
   * Equal values are unchanged; values equal only after conversion count as changed (safe side).
   */
  private static boolean changed(Row old, Row updated, int column) {
    return !Objects.equals(old.getValue(column), updated.getValue(column));
  }
}
