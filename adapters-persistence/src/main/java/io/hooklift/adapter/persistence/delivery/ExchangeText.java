package io.hooklift.adapter.persistence.delivery;

import io.hooklift.domain.delivery.SentRequest.HeaderLine;
import java.util.ArrayList;
import java.util.List;

/** Headers as the attempt rows store them: "name: value" lines, cut at a log's length. */
final class ExchangeText {

  /** Response headers beyond this many characters are cut: a log, not an archive. */
  static final int MAX_HEADER_CHARS = 8192;

  private ExchangeText() {}

  /** "name: value" lines; line breaks inside a value (a hostile receiver's) become spaces. */
  static String write(List<HeaderLine> headers) {
    StringBuilder text = new StringBuilder();
    for (HeaderLine h : headers) {
      String line = flat(h.name()) + ": " + flat(h.value()) + "\n";
      if (text.length() + line.length() > MAX_HEADER_CHARS) {
        break;
      }
      text.append(line);
    }
    return clean(text.toString());
  }

  static List<HeaderLine> read(String text) {
    List<HeaderLine> headers = new ArrayList<>();
    text.lines()
        .forEach(
            line -> {
              int colon = line.indexOf(": ");
              headers.add(
                  colon < 0
                      ? new HeaderLine(line, "")
                      : new HeaderLine(line.substring(0, colon), line.substring(colon + 2)));
            });
    return headers;
  }

  /** PostgreSQL text cannot hold NUL: stored text (headers, bodies, excerpts) goes through this. */
  static String clean(String text) {
    return text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
  }

  private static String flat(String text) {
    return text.replace('\r', ' ').replace('\n', ' ');
  }
}
