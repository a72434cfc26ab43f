package io.hooklift.adapter.delivery;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The timer that cancels an HTTP request still running at its deadline, whatever stage it is in.
 */
public final class DeadlineTimer {

  private DeadlineTimer() {}

  /**
   * One daemon thread for every deadline of a client. Cancelled deadlines leave its queue at once:
   * by default a cancelled task stays queued until its delay runs out, holding its request (body
   * included). At 1,000 attempts/s with a 15 s timeout that kept ~15,000 finished requests alive,
   * which survived young collections and were copied into the old generation.
   */
  public static ScheduledExecutorService create(String threadName) {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
