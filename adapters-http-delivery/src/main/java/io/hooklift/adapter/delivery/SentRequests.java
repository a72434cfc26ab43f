package io.hooklift.adapter.delivery;

import io.hooklift.adapter.delivery.format.WirePayload;
import io.hooklift.application.port.WebhookSender.OutgoingWebhook;
import io.hooklift.domain.delivery.SentRequest;
import io.hooklift.domain.delivery.SentRequest.HeaderLine;
import io.hooklift.domain.subscription.PayloadFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.Header;

/**
 * The request of an attempt as it went out, for the delivery log: the headers the client really
 * sent (with custom header values redacted, as they are secrets) and the body unless it was the
 * stored MSR envelope unchanged. Only an attempt that reached a connection sent anything.
 */
final class SentRequests {

  private SentRequests() {}

  static Optional<SentRequest> asSent(
      OutgoingWebhook webhook, WirePayload payload, HttpPost post, HttpClientContext context) {
    if (context.getEndpointDetails() == null) {
      return Optional.empty();
    }
    Object sent = context.getAttribute(TlsProfileClients.SENT_HEADERS);
    Header[] headers = sent instanceof Header[] h ? h : post.getHeaders();
    List<HeaderLine> lines = new ArrayList<>(headers.length);
    for (Header h : headers) {
      boolean secret =
          webhook.headers().headers().stream()
              .anyMatch(c -> c.name().equalsIgnoreCase(h.getName()));
      lines.add(new HeaderLine(h.getName(), secret ? SentRequest.REDACTED : h.getValue()));
    }
    Optional<String> body =
        webhook.format() == PayloadFormat.MSR
            ? Optional.empty()
            : Optional.of(new String(payload.body(), StandardCharsets.UTF_8));
    return Optional.of(new SentRequest(lines, body));
  }

  static List<HeaderLine> lines(Header[] headers) {
    List<HeaderLine> lines = new ArrayList<>(headers.length);
    for (Header h : headers) {
      lines.add(new HeaderLine(h.getName(), h.getValue()));
    }
    return lines;
  }
}
