package io.hooklift.application.delivery;

import io.hooklift.domain.shared.RateLimited;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perMinute} test sends per user in any sliding minute. Test sends make outbound
 * requests on a caller's behalf, the classic way to probe a network, so they are kept rare.
 */
final class TestSendLimit {

  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final int perMinute;
  private final Clock clock;
  private final Map<UUID, Deque<Instant>> recent = new ConcurrentHashMap<>();

  TestSendLimit(int perMinute, Clock clock) {
    this.perMinute = perMinute;
    this.clock = clock;
  }

  void acquire(UUID user) {
    Instant now = clock.instant();
    Deque<Instant> times = recent.computeIfAbsent(user, u -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
        times.pollFirst();
      }
      if (times.size() >= perMinute) {
        throw new RateLimited(
            "at most " + perMinute + " test deliveries per minute; try again shortly");
      }
      times.addLast(now);
    }
  }
}
