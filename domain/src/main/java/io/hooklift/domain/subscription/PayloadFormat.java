package io.hooklift.domain.subscription;

import io.hooklift.domain.event.EventType;
import io.hooklift.domain.shared.InvalidInput;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a subscription's deliveries are shaped on the wire. Whatever the format, the Standard
 * Webhooks signature covers exactly the bytes sent.
 */
public enum PayloadFormat {
  /** MSR's envelope {@code {type, createdAt, contents, location}}, byte for byte. */
  MSR("msr"),
  /**
   * CloudEvents 1.0, structured mode: the event is the {@code application/cloudevents+json} body.
   */
  CLOUDEVENTS("cloudevents"),
  /** CloudEvents 1.0, binary mode: attributes in {@code ce-*} headers, the body is {@code data}. */
  CLOUDEVENTS_BINARY("cloudevents-binary"),
  /** A Slack incoming-webhook message ({@code text} and {@code blocks}) summarising the event. */
  SLACK("slack");

  /** The prefix of every CloudEvents {@code type} Hooklift sends. */
  public static final String CLOUDEVENTS_TYPE_PREFIX = "io.hooklift.";

  private final String wireName;

  PayloadFormat(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static PayloadFormat parse(String text) {
    for (PayloadFormat format : values()) {
      if (format.wireName.equals(text)) {
        return format;
      }
    }
    throw InvalidInput.field(
        "payloadFormat",
        "payloadFormat must be one of "
            + Arrays.stream(values())
                .map(PayloadFormat::wireName)
                .collect(Collectors.joining(", ")));
  }

  /**
   * The CloudEvents {@code type} of an MSR event type: {@code io.hooklift.} and the MSR name in
   * lower case, so {@code TAG_PUSH} is {@code io.hooklift.tag_push}.
   */
  public static String cloudEventType(EventType type) {
    return CLOUDEVENTS_TYPE_PREFIX + type.name().toLowerCase(Locale.ROOT);
  }
}
