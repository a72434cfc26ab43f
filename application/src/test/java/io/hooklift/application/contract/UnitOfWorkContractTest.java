package io.hooklift.application.contract;

import static io.hooklift.application.contract.ContractFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.application.port.UnitOfWork;
import io.hooklift.domain.account.Account;
import io.hooklift.domain.shared.NotFound;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UnitOfWork} promises: atomic, joined when nested, rolled back on any exception.
 */
public abstract class UnitOfWorkContractTest extends PortContractTest {

  /** Any port of the same implementation, to observe what a transaction left behind. */
  @Test
  void givenWorkThatReturns_inTransaction_commitsAndReturnsItsResult() {
    Account alice = user("alice");

    String result =
        unitOfWork()
            .inTransaction(
                () -> {
                  accounts().add(alice, Optional.empty());
                  return "done";
                });

    assertThat(result).isEqualTo("done");
    assertThat(unitOfWork().inTransaction(() -> accounts().byId(alice.id()))).contains(alice);
  }

  @Test
  void givenAfterCommitActions_commit_runsThemOnceTheWorkIsVisible_nestedOnesToo() {
    Account alice = user("alice");
    java.util.List<Optional<Account>> seen = new java.util.ArrayList<>();

    unitOfWork()
        .run(
            () -> {
              accounts().add(alice, Optional.empty());
              unitOfWork()
                  .run(
                      () ->
                          unitOfWork()
                              .afterCommit(
                                  () ->
                                      seen.add(
                                          unitOfWork()
                                              .inTransaction(() -> accounts().byId(alice.id())))));
              assertThat(seen).isEmpty();
            });

    assertThat(seen).containsExactly(Optional.of(alice));
  }

  @Test
  void givenAfterCommitAction_rollback_neverRunsIt() {
    java.util.concurrent.atomic.AtomicInteger ran = new java.util.concurrent.atomic.AtomicInteger();

    assertThatThrownBy(
            () ->
                unitOfWork()
                    .run(
                        () -> {
                          unitOfWork().afterCommit(ran::incrementAndGet);
                          throw new IllegalStateException("rolled back");
                        }))
        .hasMessage("rolled back");
    unitOfWork().run(() -> {});

    assertThat(ran).hasValue(0);
  }

  @Test
  void givenWorkThatThrows_inTransaction_rethrowsTheSameExceptionAndKeepsNothing() {
    Account alice = user("alice");
    RuntimeException failure = new NotFound("SOMETHING_MISSING", "after the write");

    assertThatThrownBy(
            () ->
                unitOfWork()
                    .run(
                        () -> {
                          accounts().add(alice, Optional.of("hash"));
                          throw failure;
                        }))
        .isSameAs(failure);

    assertThat(unitOfWork().inTransaction(() -> accounts().byId(alice.id()))).isEmpty();
    assertThat(unitOfWork().inTransaction(() -> accounts().count())).isZero();
  }

  @Test
  void givenWorkThatFailsWithAnError_inTransaction_rollsBackToo() {
    Account alice = user("alice");
    AssertionError failure = new AssertionError("not an exception");

    assertThatThrownBy(
            () ->
                unitOfWork()
                    .run(
                        () -> {
                          accounts().add(alice, Optional.empty());
                          throw failure;
                        }))
        .isSameAs(failure);

    assertThat(unitOfWork().inTransaction(() -> accounts().byId(alice.id()))).isEmpty();
  }

  @Test
  void givenNestedTransaction_innerWrites_areVisibleToTheOuterWork() {
    Account alice = user("alice");

    Optional<Account> seen =
        unitOfWork()
            .inTransaction(
                () -> {
                  unitOfWork().run(() -> accounts().add(alice, Optional.empty()));
                  return accounts().byName(alice.name());
                });

    assertThat(seen).contains(alice);
  }

  @Test
  void givenNestedTransaction_outerFailure_rollsBackWhatTheInnerWorkWrote() {
    Account alice = user("alice");
    Account bob = user("bob");
    IllegalStateException failure = new IllegalStateException("outer fails after inner returned");

    assertThatThrownBy(
            () ->
                unitOfWork()
                    .run(
                        () -> {
                          accounts().add(alice, Optional.empty());
                          unitOfWork().run(() -> accounts().add(bob, Optional.empty()));
                          throw failure;
                        }))
        .isSameAs(failure);

    assertThat(unitOfWork().inTransaction(() -> accounts().count())).isZero();
  }

  @Test
  void givenFailedTransaction_nextTransaction_worksNormally() {
    Account alice = user("alice");
    assertThatThrownBy(
            () ->
                unitOfWork()
                    .run(
                        () -> {
                          throw new IllegalArgumentException("boom");
                        }))
        .isInstanceOf(IllegalArgumentException.class);

    unitOfWork().run(() -> accounts().add(alice, Optional.empty()));

    assertThat(unitOfWork().inTransaction(() -> accounts().count())).isEqualTo(1);
  }

  @Test
  void givenNoTransaction_portCall_throwsIllegalState() {
    assertThatThrownBy(() -> accounts().count()).isInstanceOf(IllegalStateException.class);
  }
}
