package io.hooklift.application.delivery;

import io.hooklift.application.port.Deliveries.DeliveryWork;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One lane per endpoint host: at most {@code perHost} attempts to a host run at once, the rest wait
 * in the lane, and a lane holds at most {@code laneSize} deliveries in all. A slow or dead host
 * therefore holds at most that many sender threads and that much memory, and work for healthy hosts
 * never queues behind it.
 */
final class HostLanes {

  private static final class Lane {
    final ArrayDeque<DeliveryWork> waiting = new ArrayDeque<>();
    int running;

    int size() {
      return running + waiting.size();
    }
  }

  private static final System.Logger LOG = System.getLogger(HostLanes.class.getName());

  private final Map<String, Lane> lanes = new HashMap<>();
  private final int perHost;
  private final int laneSize;
  private final Executor senders;
  private final Consumer<DeliveryWork> attempt;

  HostLanes(int perHost, int laneSize, Executor senders, Consumer<DeliveryWork> attempt) {
    this.perHost = perHost;
    this.laneSize = Math.max(laneSize, perHost);
    this.senders = senders;
    this.attempt = attempt;
  }

  /** Queues the work in its host's lane, unless that lane is full. */
  boolean offer(DeliveryWork work) {
    String host = hostOf(work);
    synchronized (this) {
      Lane lane = lanes.computeIfAbsent(host, h -> new Lane());
      if (lane.size() >= laneSize) {
        return false;
      }
      if (lane.running >= perHost) {
        lane.waiting.add(work);
        return true;
      }
      lane.running++;
    }
    senders.execute(() -> runThenNext(host, work));
    return true;
  }

  /** Deliveries the host's lane can still take. */
  synchronized int room(String host) {
    Lane lane = lanes.get(host);
    return laneSize - (lane == null ? 0 : lane.size());
  }

  /** Hosts whose lanes are full. */
  synchronized Set<String> full() {
    Set<String> full = new HashSet<>();
    lanes.forEach(
        (host, lane) -> {
          if (lane.size() >= laneSize) {
            full.add(host);
          }
        });
    return full;
  }

  /** Takes out everything waiting (not yet started), for giving it back on shutdown. */
  synchronized List<DeliveryWork> drainWaiting() {
    List<DeliveryWork> drained = new ArrayList<>();
    lanes.values().forEach(lane -> drained.addAll(lane.waiting));
    lanes.values().forEach(lane -> lane.waiting.clear());
    return drained;
  }

  private void runThenNext(String host, DeliveryWork work) {
    DeliveryWork current = work;
    while (current != null) {
      try {
        attempt.accept(current);
      } catch (RuntimeException e) {
        // Never lose the lane's slot (and the work waiting behind it) to one failed attempt.
        LOG.log(
            System.Logger.Level.ERROR,
            "Attempt of delivery " + current.delivery().id() + " failed unexpectedly",
            e);
      }
      current = next(host);
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

  static String hostOf(DeliveryWork work) {
    String host = work.subscription().endpoint().uri().getHost();
    return host == null ? "" : host.toLowerCase(Locale.ROOT);
  }
}
