package io.hooklift.adapter.delivery;

import io.hooklift.adapter.delivery.format.PayloadRenderer;
import io.hooklift.adapter.delivery.format.WirePayload;
import io.hooklift.application.port.WebhookSender;
import io.hooklift.domain.delivery.AttemptResult;
import io.hooklift.domain.delivery.AttemptResult.AttemptError;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * Sends one attempt with Apache HttpClient 5 (classic, blocking): redirects are never followed,
 * nothing is retried here (retries are the schedule's job), and a timer cancels the request when
 * the whole-attempt deadline passes, whatever stage it is in.
 */
public final class HttpWebhookSender implements WebhookSender, AutoCloseable {

  private static final int DRAIN_LIMIT = 64 * 1024;

  private final DeliveryHttpSettings settings;
  private final Clock clock;
  private final TlsProfileClients clients;
  private final ScheduledExecutorService deadlines = DeadlineTimer.create("delivery-deadlines");
  private final PayloadRenderer renderer;

  public HttpWebhookSender(DeliveryHttpSettings settings, Clock clock) {
    this(settings, clock, new PayloadRenderer(Optional.empty()));
  }

  /**
   * @param renderer shapes each payload format (its registry host names CloudEvents' source)
   */
  public HttpWebhookSender(DeliveryHttpSettings settings, Clock clock, PayloadRenderer renderer) {
    this(settings, clock, InetAddress::getAllByName, renderer);
  }

  HttpWebhookSender(
      DeliveryHttpSettings settings, Clock clock, EgressGuardingResolver.HostLookup lookup) {
    this(settings, clock, lookup, new PayloadRenderer(Optional.empty()));
  }

  HttpWebhookSender(
      DeliveryHttpSettings settings,
      Clock clock,
      EgressGuardingResolver.HostLookup lookup,
      PayloadRenderer renderer) {
    this.renderer = renderer;
    this.settings = settings;
    this.clock = clock;
    this.clients =
        new TlsProfileClients(settings, new EgressGuardingResolver(settings.egress(), lookup));
  }

  @Override
  public AttemptResult send(OutgoingWebhook webhook) {
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    WirePayload payload = renderer.render(webhook.format(), webhook.messageId(), webhook.body());
    HttpPost post = request(webhook, payload);
    HttpClientContext context = HttpClientContext.create();
    AtomicBoolean deadlinePassed = new AtomicBoolean();
    ScheduledFuture<?> deadline =
        deadlines.schedule(
            () -> {
              deadlinePassed.set(
                  true); // before cancelling, so the failure it causes is read as a timeout
              post.cancel();
            },
            settings.attemptTimeout().toMillis(),
            TimeUnit.MILLISECONDS);
    try {
      CloseableHttpClient client =
          clients.forProfile(webhook.tlsTrust(), webhook.skipTlsVerification());
      try (ClassicHttpResponse response = client.executeOpen(null, post, context)) {
        String excerpt = readExcerpt(response.getEntity());
        Header retryAfter = response.getFirstHeader("Retry-After");
        return new AttemptResult(
            started,
            since(t0),
            response.getCode(),
            Optional.empty(),
            remoteIp(context),
            excerpt,
            RetryAfter.parse(retryAfter == null ? null : retryAfter.getValue(), started),
            SentRequests.lines(response.getHeaders()),
            SentRequests.asSent(webhook, payload, post, context));
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      AttemptError error =
          deadlinePassed.get() ? AttemptError.TIMEOUT : FailureClassifier.classify(e);
      return new AttemptResult(
          started,
          since(t0),
          0,
          Optional.of(error),
          remoteIp(context),
          "",
          Optional.empty(),
          java.util.List.of(),
          SentRequests.asSent(webhook, payload, post, context));
    } finally {
      deadline.cancel(false);
    }
  }

  private static HttpPost request(OutgoingWebhook webhook, WirePayload payload) {
    long timestamp = webhook.timestamp().getEpochSecond();
    HttpPost post = new HttpPost(webhook.endpoint().uri());
    // Custom headers first: none may be a transport, signature or ce-* header (the domain refuses
    // those names), so what follows can never be overridden by them.
    webhook.headers().headers().forEach(h -> post.addHeader(h.name(), h.value()));
    payload.headers().forEach(h -> post.setHeader(h.getKey(), h.getValue()));
    post.setHeader("webhook-id", webhook.messageId());
    post.setHeader("webhook-timestamp", Long.toString(timestamp));
    if (!webhook.secrets().isEmpty()) {
      post.setHeader(
          "webhook-signature",
          WebhookSignature.header(
              webhook.secrets(), webhook.messageId(), timestamp, payload.body()));
    }
    post.setEntity(new ByteArrayEntity(payload.body(), ContentType.create(payload.contentType())));
    return post;
  }

  /** The first 4 KiB of the body; a little more is drained so the connection can be reused. */
  private static String readExcerpt(HttpEntity entity) throws IOException {
    if (entity == null) {
      return "";
    }
    try (InputStream in = entity.getContent()) {
      byte[] head = in.readNBytes(AttemptResult.MAX_EXCERPT_BYTES);
      in.readNBytes(DRAIN_LIMIT); // beyond this, closing the response drops the connection instead
      return new String(head, StandardCharsets.UTF_8);
    }
  }

  private static Optional<String> remoteIp(HttpClientContext context) {
    if (context.getEndpointDetails() == null) {
      return Optional.empty();
    }
    SocketAddress remote = context.getEndpointDetails().getRemoteAddress();
    return remote instanceof InetSocketAddress inet && inet.getAddress() != null
        ? Optional.of(inet.getAddress().getHostAddress())
        : Optional.empty();
  }

  private static Duration since(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  @Override
  public void close() {
    deadlines.shutdownNow();
    clients.close();
  }
}
