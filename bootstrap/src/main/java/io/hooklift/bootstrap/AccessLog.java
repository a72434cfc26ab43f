package io.hooklift.bootstrap;

import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;

/**
 * Jetty's request log ({@code HOOKLIFT_ACCESS_LOG=true}), one line per request to the logger {@code
 * hooklift.access}, so it takes the same text or JSON format as every other line.
 *
 * <p>What it leaves out is deliberate: the path is logged without its query string (tokens and
 * secrets are sometimes passed there), no request header is logged ({@code Authorization}, {@code
 * Cookie}), and no user name (Jetty does not know it; the API authenticates behind it).
 */
final class AccessLog {

  static final String LOGGER = "hooklift.access";

  /** Client, method, path without query, protocol, status, bytes sent, milliseconds. */
  static final String FORMAT = "%{client}a \"%m %U %H\" %s %O %{ms}T";

  private AccessLog() {}

  static RequestLog create() {
    Slf4jRequestLogWriter writer = new Slf4jRequestLogWriter();
    writer.setLoggerName(LOGGER);
    return new CustomRequestLog(writer, FORMAT);
  }
}
