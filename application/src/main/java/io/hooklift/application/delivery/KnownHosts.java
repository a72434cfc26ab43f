package io.hooklift.application.delivery;

import io.hooklift.domain.subscription.SubscriptionId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The endpoint host of each subscription whose work this instance has claimed, so that a claim can
 * leave out the subscriptions whose lanes are full. Forgotten wholesale past a bound: a host not
 * known is simply not skipped.
 */
final class KnownHosts {

  private static final int MAX_KNOWN_SUBSCRIPTIONS = 10_000;

  /**
   * What a claim leaves out: the hosts without room for a round of sends, their subscriptions, and
   * the room in the other known lanes.
   */
  record Skip(Set<String> hosts, Set<SubscriptionId> subscriptions, int knownRoom) {}

  private final Map<SubscriptionId, String> hosts = new ConcurrentHashMap<>();

  void record(SubscriptionId subscription, String host) {
    if (hosts.size() > MAX_KNOWN_SUBSCRIPTIONS) {
      hosts.clear();
    }
    hosts.put(subscription, host);
  }

  boolean isEmpty() {
    return hosts.isEmpty();
  }

  Skip skip(HostLanes lanes, int refill) {
    Set<String> skipHosts = new HashSet<>();
    int knownRoom = 0;
    for (String host : new HashSet<>(hosts.values())) {
      int room = lanes.room(host);
      if (room < refill) {
        skipHosts.add(host);
      } else {
        knownRoom += room;
      }
    }
    Set<SubscriptionId> subscriptions = new HashSet<>();
    hosts.forEach(
        (subscription, host) -> {
          if (skipHosts.contains(host)) {
            subscriptions.add(subscription);
          }
        });
    return new Skip(skipHosts, subscriptions, knownRoom);
  }
}
