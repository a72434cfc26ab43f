package io.hooklift.adapter.delivery.format;

/**
 * A Slack incoming-webhook message ({@code text}, plus {@code blocks} with a section and a context
 * line) that summarises an MSR event, e.g. "TAG_PUSH foo/bar:v1 (linux/arm64) by alice". Text from
 * the event is escaped as Slack's mrkdwn requires ({@code & < >}).
 */
final class SlackMessage {

  private SlackMessage() {}

  static byte[] of(EnvelopeReading event) {
    String summary = summary(event);
    String context = "Hooklift · " + escape(event.location()) + " · " + escape(event.createdAt());
    return PayloadRenderer.write(
        json -> {
          json.writeStartObject();
          json.writeStringField("text", summary);
          json.writeArrayFieldStart("blocks");
          json.writeStartObject();
          json.writeStringField("type", "section");
          json.writeObjectFieldStart("text");
          json.writeStringField("type", "mrkdwn");
          json.writeStringField("text", "*" + escape(event.type()) + "* " + details(event));
          json.writeEndObject();
          json.writeEndObject();
          json.writeStartObject();
          json.writeStringField("type", "context");
          json.writeArrayFieldStart("elements");
          json.writeStartObject();
          json.writeStringField("type", "mrkdwn");
          json.writeStringField("text", context);
          json.writeEndObject();
          json.writeEndArray();
          json.writeEndObject();
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  private static String summary(EnvelopeReading event) {
    return event.type() + " " + plainDetails(event);
  }

  private static String details(EnvelopeReading event) {
    return escape(plainDetails(event));
  }

  private static String plainDetails(EnvelopeReading event) {
    StringBuilder text = new StringBuilder();
    String subject = event.subject();
    text.append(subject.isEmpty() ? event.location() : subject);
    String os = event.text("os");
    String architecture = event.text("architecture");
    if (!os.isEmpty() && !architecture.isEmpty()) {
      text.append(" (").append(os).append('/').append(architecture).append(')');
    }
    if (event.contents().has("scanSummary")) {
      var scan = event.contents().get("scanSummary");
      text.append(": ")
          .append(scan.path("critical").asLong())
          .append(" critical, ")
          .append(scan.path("major").asLong())
          .append(" major, ")
          .append(scan.path("minor").asLong())
          .append(" minor");
    }
    String author = event.text("author");
    if (!author.isEmpty()) {
      text.append(" by ").append(author);
    }
    return text.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
