package io.hooklift.adapter.persistence;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
import org.h2.api.TableEngine;
import org.h2.command.ddl.CreateTableData;
import org.h2.mvstore.db.MVTable;
import org.h2.mvstore.db.Store;
import org.h2.table.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database's table engine ({@code DEFAULT_TABLE_ENGINE} in {@link
 * DatabaseSettings#embeddedH2}): H2's own tables, stored exactly as H2 stores them, whose SQL
 * {@code UPDATE} leaves alone the indexes whose key it does not change ({@link
 * H2InPlaceUpdateTable}).
 *
 * <p>The setting is not written into the file: a table's stored definition names no engine, so H2
 * opens the same file as plain tables without it (its shell, an older Hooklift), and every existing
 * table gets this engine when Hooklift opens the file with it.
 *
 * <p>H2 keeps its tables in a private map of its store, which it reads when a transaction rolls
 * back (to fire triggers and free large objects). If that map cannot be reached, as after an H2
 * upgrade that renamed it, tables are created as H2 creates them and only the saving is lost.
 */
public final class H2UpdateInPlace implements TableEngine {

  private static final Logger log = LoggerFactory.getLogger(H2UpdateInPlace.class);
  private static final Optional<Field> TABLES_OF_STORE = tablesOfStore();

  /** H2 creates the engine by its class name. */
  public H2UpdateInPlace() {}

  @Override
  public Table createTable(CreateTableData data) {
    Store store = data.session.getDatabase().getStore();
    if (TABLES_OF_STORE.isEmpty()) {
      return store.createTable(data);
    }
    MVTable table = new H2InPlaceUpdateTable(data, store);
    tablesOf(store).put(table.getMapName(), table);
    return table;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, MVTable> tablesOf(Store store) {
    try {
      return (Map<String, MVTable>) TABLES_OF_STORE.orElseThrow().get(store);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("H2's table map was accessible a moment ago", e);
    }
  }

  private static Optional<Field> tablesOfStore() {
    try {
      Field field = Store.class.getDeclaredField("tableMap");
      if (!Map.class.isAssignableFrom(field.getType())) {
        throw new NoSuchFieldException("tableMap is no longer a map");
      }
      field.setAccessible(true);
      return Optional.of(field);
    } catch (NoSuchFieldException | RuntimeException e) {
      log.warn("H2 tables update every index on UPDATE: its table map is not reachable ({})", e);
      return Optional.empty();
    }
  }

  /** Whether tables get the in-place update; false only if H2's internals changed. */
  static boolean active() {
    return TABLES_OF_STORE.isPresent();
  }
}
