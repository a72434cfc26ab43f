package io.hooklift.bootstrap;

import java.net.URI;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Jetty running the Jersey application. Jetty rather than Grizzly because Grizzly hangs on POSTs
 * sent with {@code Upgrade: h2c}, which the JDK's HttpClient sends by default.
 */
final class HttpServer implements AutoCloseable {

  private final Server jetty;
  private final ServerConnector connector;
  private final String host;
  private final StartGate gate;

  private HttpServer(Server jetty, ServerConnector connector, String host, StartGate gate) {
    this.jetty = jetty;
    this.connector = connector;
    this.host = host;
    this.gate = gate;
  }

  /**
   * Builds the Jersey application and starts Jetty without listening yet, so that start-up can
   * finish other work (the database) at the same time; {@link #listen} opens the port, {@link
   * #ready} lets every request through. Jersey's factory ignores the URI's host, so the connector
   * is bound here; and it gives no graceful stop, so a {@link GracefulHandler} is put in front: on
   * stop it answers new requests with 503 and waits up to {@code stopTimeout} for the ones in
   * flight.
   */
  static HttpServer prepare(
      String bind,
      int port,
      ResourceConfig application,
      Duration stopTimeout,
      boolean accessLog,
      UnaryOperator<Handler> decorate) {
    Server jetty = JettyHttpContainerFactory.createServer(uri(bind, port), application, false);
    ServerConnector connector = (ServerConnector) jetty.getConnectors()[0];
    connector.setHost(bind);
    // No "Server: Jetty(12.x)" header: the version only helps someone looking for a matching CVE.
    connector.getConnectionFactories().stream()
        .filter(HttpConnectionFactory.class::isInstance)
        .forEach(
            factory ->
                ((HttpConnectionFactory) factory)
                    .getHttpConfiguration()
                    .setSendServerVersion(false));
    StartGate gate = new StartGate(decorate.apply(jetty.getHandler()));
    GracefulHandler graceful = new GracefulHandler();
    graceful.setHandler(gate);
    jetty.setHandler(graceful);
    jetty.setErrorHandler(new JsonErrorHandler());
    if (accessLog) {
      jetty.setRequestLog(AccessLog.create());
    }
    jetty.setStopTimeout(stopTimeout.toMillis());
    jetty.setStopAtShutdown(false); // the composition root owns the shutdown order
    jetty.removeConnector(connector);
    try {
      jetty.start();
    } catch (Exception e) {
      stopQuietly(jetty);
      throw new IllegalStateException("cannot start the HTTP server: " + e.getMessage(), e);
    }
    return new HttpServer(jetty, connector, bind, gate);
  }

  /**
   * Opens the port: from now on {@code /_ping} is answered, and other requests wait at the {@link
   * StartGate} until {@link #ready} or {@link #refuse}.
   */
  void listen() {
    jetty.addConnector(connector);
    try {
      if (!connector.isStarted()) {
        connector.start();
      }
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot listen on " + host + ":" + connector.getPort() + ": " + e.getMessage(), e);
    }
  }

  /** Start-up has finished: every request is served. */
  void ready() {
    gate.open();
  }

  /** Start-up failed: requests waiting for it are answered 503 at once. */
  void refuse() {
    gate.fail();
  }

  int port() {
    return connector.getLocalPort();
  }

  /** The address clients use: the bind address, or loopback when bound to every interface. */
  URI baseUri() {
    boolean wildcard = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    return uri(wildcard ? "127.0.0.1" : host, port());
  }

  /** The bound address as configured, for the log line. */
  URI listenUri() {
    return uri(host, port());
  }

  @Override
  public void close() {
    try {
      jetty.stop();
    } catch (Exception e) {
      throw new IllegalStateException("HTTP server did not stop cleanly", e);
    }
  }

  private static URI uri(String host, int port) {
    String literal = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return URI.create("http://" + literal + ":" + port + "/");
  }

  private static void stopQuietly(Server jetty) {
    try {
      jetty.stop();
    } catch (Exception ignored) {
      // the start failure is the error worth reporting
    }
  }
}
