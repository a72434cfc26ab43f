package io.hooklift.bootstrap;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Lets the port open before the database is ready. {@code GET /_ping} (liveness: the process is up
 * and serving) is answered at once; every other request waits here until start-up has finished
 * (schema migrated and validated, the initial admin created, delivery started), so no request sees
 * a half-started instance. A request that would wait longer than {@link #WAIT}, or arrives at a
 * start that failed, is answered 503 with {@code Retry-After} in the API's error shape.
 */
final class StartGate extends Handler.Wrapper {

  static final Duration WAIT = Duration.ofSeconds(30);
  private static final String LIVENESS = "/_ping";

  private final CompletableFuture<Boolean> opened = new CompletableFuture<>();

  StartGate(Handler handler) {
    super(handler);
  }

  /** Start-up finished: let every request through. */
  void open() {
    opened.complete(true);
  }

  /** Start-up failed: waiting and later requests get 503 until the server stops. */
  void fail() {
    opened.complete(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (opened.getNow(false) || LIVENESS.equals(request.getHttpURI().getPath())) {
      return super.handle(request, response, callback);
    }
    if (awaitOpen()) {
      return super.handle(request, response, callback);
    }
    response.setStatus(503);
    response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(JsonErrorHandler.body(503, null)), callback);
    return true;
  }

  private boolean awaitOpen() {
    try {
      return opened.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
