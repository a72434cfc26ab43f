package io.hooklift.application.delivery;

import io.hooklift.application.port.Deliveries.DeliveryWork;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One lane per endpoint host: at most {@code perHost} attempts to a host run at once, the rest wait
 * in the lane. A slow or dead host therefore holds at most that many sender threads, and work for
 * healthy hosts never queues behind it.
 */
final class HostLanes {

  private static final class Lane {
    final ArrayDeque<DeliveryWork> waiting = new ArrayDeque<>();
    int running;
  }

  private final Map<String, Lane> lanes = new HashMap<>();
  private final int perHost;
  private final Executor senders;
  private final Consumer<DeliveryWork> attempt;

  HostLanes(int perHost, Executor senders, Consumer<DeliveryWork> attempt) {
    this.perHost = perHost;
    this.senders = senders;
    this.attempt = attempt;
  }

  void submit(DeliveryWork work) {
    String host = hostOf(work);
    synchronized (this) {
      Lane lane = lanes.computeIfAbsent(host, h -> new Lane());
      if (lane.running >= perHost) {
        lane.waiting.add(work);
        return;
      }
      lane.running++;
    }
    senders.execute(() -> runThenNext(host, work));
  }

  private void runThenNext(String host, DeliveryWork work) {
    DeliveryWork current = work;
    while (current != null) {
      try {
        attempt.accept(current);
      } finally {
        current = next(host);
      }
    }
  }

  /** The lane's next waiting work for this thread, or none (and the lane gives back its slot). */
  private synchronized DeliveryWork next(String host) {
    Lane lane = lanes.get(host);
    DeliveryWork next = lane.waiting.poll();
    if (next == null) {
      lane.running--;
      if (lane.running == 0) {
        lanes.remove(host);
      }
    }
    return next;
  }

  synchronized int waiting() {
    return lanes.values().stream().mapToInt(l -> l.waiting.size()).sum();
  }

  private static String hostOf(DeliveryWork work) {
    String host = work.subscription().endpoint().uri().getHost();
    return host == null ? "" : host.toLowerCase(Locale.ROOT);
  }
}
