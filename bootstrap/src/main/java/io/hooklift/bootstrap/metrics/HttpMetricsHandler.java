package io.hooklift.bootstrap.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves {@code GET /metrics} in Prometheus text, and times every other request by method and
 * status class ({@code http_server_requests}). Sits in front of the REST application.
 */
public final class HttpMetricsHandler extends Handler.Wrapper {

  private final PrometheusMeterRegistry registry;

  public HttpMetricsHandler(PrometheusMeterRegistry registry, Handler next) {
    super(next);
    this.registry = registry;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if ("/metrics".equals(Request.getPathInContext(request)) && "GET".equals(request.getMethod())) {
      response.setStatus(200);
      response
          .getHeaders()
          .put(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
      response.write(
          true, ByteBuffer.wrap(registry.scrape().getBytes(StandardCharsets.UTF_8)), callback);
      return true;
    }
    long start = System.nanoTime();
    Callback timed =
        Callback.from(
            callback,
            () ->
                Timer.builder("http.server.requests")
                    .tag("method", request.getMethod())
                    .tag("status", (response.getStatus() / 100) + "xx")
                    .register(registry)
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS));
    return super.handle(request, response, timed);
  }
}
