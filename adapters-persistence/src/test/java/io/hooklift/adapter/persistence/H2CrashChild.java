package io.hooklift.adapter.persistence;

import io.hooklift.domain.account.Account;
import io.hooklift.domain.account.AccountType;
import io.hooklift.domain.naming.NamespaceName;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A process that commits accounts on the embedded H2 database and then dies as a SIGKILL would:
 * {@code Runtime.halt}, no shutdown hooks, nothing closed. Prints {@code committed <name>} once
 * each commit has returned ({@link H2CommitWriterTest} starts it).
 *
 * <p>usage: {@code H2CrashChild <dataDir> <durable|mayLose|callerWrites|callerForgets> <count>};
 * {@code mayLose} marks every transaction {@code mayLoseOnCrash} and stops the housekeeping before
 * the last; {@code callerWrites} stops the housekeeping first, marks every transaction {@code
 * writtenByCaller} and calls {@code awaitWritten} after it, so only that call can have written
 * them; {@code callerForgets} does the same without calling {@code awaitWritten} after the last.
 */
public final class H2CrashChild {

  private H2CrashChild() {}

  public static void main(String[] args) {
    Path dataDir = Path.of(args[0]);
    boolean mayLose = "mayLose".equals(args[1]);
    boolean callerForgets = "callerForgets".equals(args[1]);
    boolean callerWrites = callerForgets || "callerWrites".equals(args[1]);
    int count = Integer.parseInt(args[2]);
    PersistenceModule module = PersistenceModule.start(DatabaseSettings.embeddedH2(dataDir));
    if (callerWrites) {
      module.embeddedH2().ifPresent(H2Housekeeping::close);
    }
    for (int i = 0; i < count; i++) {
      if (mayLose && i == count - 1) {
        // Housekeeping writes such commits out once a second. Stopped before the last one, it
        // cannot do so in the moment between that commit and the halt (once in a CI run it did),
        // so the last one is certain to be only in memory.
        module.embeddedH2().ifPresent(H2Housekeeping::close);
      }
      Account account =
          new Account(
              UUID.randomUUID(),
              new NamespaceName("user" + i),
              AccountType.USER,
              true,
              Instant.parse("2026-12-04T10:00:00Z"));
      module
          .unitOfWork()
          .run(
              () -> {
                if (mayLose) {
                  module.unitOfWork().mayLoseOnCrash();
                }
                if (callerWrites) {
                  module.unitOfWork().writtenByCaller();
                }
                module.accounts().add(account, Optional.of("hash"));
              });
      if (callerWrites && !(callerForgets && i == count - 1)) {
        module.unitOfWork().awaitWritten();
      }
      System.out.println("committed user" + i);
      System.out.flush();
    }
    Runtime.getRuntime().halt(0);
  }
}
