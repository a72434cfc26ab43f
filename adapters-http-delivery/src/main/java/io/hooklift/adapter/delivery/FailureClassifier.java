package io.hooklift.adapter.delivery;

import io.hooklift.domain.delivery.AttemptResult.AttemptError;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;

/** Names what went wrong with an attempt that got no usable answer, walking the cause chain. */
final class FailureClassifier {

  private FailureClassifier() {}

  static AttemptError classify(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof EgressDeniedException) {
        return AttemptError.EGRESS_DENIED;
      }
      if (t instanceof ConnectTimeoutException) {
        return AttemptError.CONNECT_TIMEOUT;
      }
      if (t instanceof UnknownHostException) {
        return AttemptError.DNS_FAILURE;
      }
      if (t instanceof SSLException || t instanceof java.security.GeneralSecurityException) {
        return AttemptError.TLS_FAILURE;
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        return AttemptError.CONNECTION_REFUSED;
      }
      if (t instanceof SocketTimeoutException) {
        return AttemptError.TIMEOUT;
      }
    }
    return AttemptError.IO_ERROR;
  }
}
