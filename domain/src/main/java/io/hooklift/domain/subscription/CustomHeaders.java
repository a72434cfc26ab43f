package io.hooklift.domain.subscription;

import io.hooklift.domain.shared.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Extra request headers a subscription's deliveries carry, such as {@code Authorization} for a
 * receiver behind an API gateway. Their values are secrets: they never appear in {@link
 * #toString()}, in API answers or in the delivery log. Names are matched case-insensitively and
 * kept as first given.
 */
public record CustomHeaders(List<Header> headers) {

  public static final int MAX_HEADERS = 10;
  public static final int MAX_NAME_LENGTH = 64;
  public static final int MAX_VALUE_LENGTH = 4096;
  public static final CustomHeaders NONE = new CustomHeaders(List.of());

  /**
   * Headers the transport, the signature or the payload format own: hop-by-hop headers, framing,
   * the signature headers, and the CloudEvents attributes of binary mode.
   */
  private static final Set<String> RESERVED =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "http2-settings",
          "host",
          "content-length",
          "content-type",
          "content-encoding",
          "expect",
          "user-agent",
          "webhook-id",
          "webhook-timestamp",
          "webhook-signature");

  /** One header; the value is never shown. */
  public record Header(String name, String value) {

    public Header {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return name + ": …";
    }
  }

  public CustomHeaders {
    headers = List.copyOf(headers);
    if (headers.size() > MAX_HEADERS) {
      throw InvalidInput.field("headers", "at most " + MAX_HEADERS + " headers per webhook");
    }
    Set<String> seen = new java.util.HashSet<>();
    for (Header h : headers) {
      check(h.name(), h.value());
      if (!seen.add(h.name().toLowerCase(Locale.ROOT))) {
        throw InvalidInput.field("headers." + h.name(), "header " + h.name() + " is given twice");
      }
    }
  }

  /** From a create request's {@code headers} object, in its order. */
  public static CustomHeaders of(Map<String, String> given) {
    List<Header> list = new ArrayList<>();
    given.forEach(
        (name, value) -> {
          if (value == null) {
            throw InvalidInput.field(
                "headers." + name, "headers." + name + " must be a string value");
          }
          list.add(new Header(name, value));
        });
    return new CustomHeaders(list);
  }

  /**
   * A PATCH of the headers, as a JSON merge patch: a name with a value sets that header (adding or
   * replacing it), a name with {@code null} (an empty Optional) removes it, others stay.
   */
  public CustomHeaders merge(Map<String, Optional<String>> patch) {
    List<Header> merged = new ArrayList<>(headers);
    patch.forEach(
        (name, value) -> {
          merged.removeIf(h -> h.name().equalsIgnoreCase(name));
          value.ifPresent(v -> merged.add(new Header(name, v)));
        });
    return new CustomHeaders(merged);
  }

  public List<String> names() {
    return headers.stream().map(Header::name).toList();
  }

  public boolean isEmpty() {
    return headers.isEmpty();
  }

  private static void check(String name, String value) {
    String field = "headers." + name;
    if (name.isEmpty()
        || name.length() > MAX_NAME_LENGTH
        || !name.chars().allMatch(CustomHeaders::tchar)) {
      throw InvalidInput.field(
          field.length() > 80 ? "headers" : field,
          "a header name is 1 to " + MAX_NAME_LENGTH + " letters, digits or !#$%&'*+-.^_`|~");
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (RESERVED.contains(lower) || lower.startsWith("ce-")) {
      throw InvalidInput.field(
          field,
          name
              + " cannot be set: hop-by-hop, framing, signature and ce-* headers belong to"
              + " Hooklift's transport, signature and payload format");
    }
    if (value.length() > MAX_VALUE_LENGTH) {
      throw InvalidInput.field(
          field, field + " must be at most " + MAX_VALUE_LENGTH + " characters");
    }
    if (!value.chars().allMatch(c -> c == '\t' || c >= 0x20 && c < 0x7f)) {
      throw InvalidInput.field(
          field, field + " may hold only printable ASCII characters, spaces and tabs");
    }
  }

  private static boolean tchar(int c) {
    return c < 128 && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0);
  }

  @Override
  public String toString() {
    return "CustomHeaders" + names();
  }
}
