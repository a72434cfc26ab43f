package io.hooklift.adapter.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback socket that only counts the connections it gets; an SSRF test passes if it stays at 0.
 */
final class Canary implements AutoCloseable {

  private final ServerSocket socket;
  private final AtomicInteger connections = new AtomicInteger();

  Canary() throws IOException {
    socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getByName("::"), 0));
    Thread acceptor =
        new Thread(
            () -> {
              while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                  connections.incrementAndGet();
                } catch (IOException e) {
                  return;
                }
              }
            },
            "canary");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  int connections() {
    return connections.get();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
