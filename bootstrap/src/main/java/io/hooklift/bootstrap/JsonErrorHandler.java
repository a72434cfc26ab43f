package io.hooklift.bootstrap;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty answers itself, before Jersey sees the request (ambiguous or malformed URIs,
 * oversized headers, 503 while stopping), in the API's error shape instead of Jetty's HTML page
 * that names the server version. Messages of 5xx errors are never passed on.
 */
final class JsonErrorHandler extends ErrorHandler {

  private static final int MAX_MESSAGE_LENGTH = 200;

  /** Jetty writes bodies only for GET, POST and HEAD; API clients PATCH and DELETE too. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int status,
      String message,
      Throwable cause,
      Callback callback) {
    byte[] body = body(status, message);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** Requests so malformed that no {@link Request} exists (a bad request line, 431). */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(body(status, reason));
  }

  static byte[] body(int status, String message) {
    String json =
        "{\"errors\":[{\"code\":\""
            + code(status)
            + "\",\"message\":\""
            + escape(message(status, message))
            + "\",\"detail\":{}}]}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static String code(int status) {
    return switch (status) {
      case 400 -> "INVALID_REQUEST";
      case 404 -> "NOT_FOUND";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 413 -> "PAYLOAD_TOO_LARGE";
      case 414 -> "URI_TOO_LONG";
      case 431 -> "HEADERS_TOO_LARGE";
      case 503 -> "UNAVAILABLE";
      case 500 -> "INTERNAL_ERROR";
      default -> "HTTP_" + status;
    };
  }

  private static String message(int status, String jettyMessage) {
    if (status >= 500) {
      return status == 503
          ? "the server is starting, shutting down or overloaded; retry later"
          : "the server failed to handle the request";
    }
    if (jettyMessage == null
        || jettyMessage.isBlank()
        || jettyMessage.length() > MAX_MESSAGE_LENGTH) {
      return "the request could not be understood (HTTP " + status + ")";
    }
    return jettyMessage;
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
