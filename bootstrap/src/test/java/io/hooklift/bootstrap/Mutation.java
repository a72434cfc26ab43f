package io.hooklift.bootstrap;

import io.hooklift.bootstrap.Api.Caller;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** One valid request with one seeded mutation, for {@link HttpFuzzTest}. */
record Mutation(
    String kind,
    String method,
    String path,
    byte[] body,
    Map<String, String> headers,
    Caller caller) {

  private static final List<String> SEGMENTS =
      List.of(
          "..",
          "%2e%2e",
          "%00",
          "%ff",
          "%C0%AF",
          "a".repeat(300),
          "%C3%BC",
          "-1",
          "0",
          "null",
          "%7Bid%7D",
          "00000000-0000-0000-0000-000000000000",
          "ADMIN",
          "a%2Fb",
          "%20",
          "~");

  private static final List<String> QUERIES =
      List.of(
          "pageSize=-1",
          "pageSize=0",
          "pageSize=99999999999999",
          "pageStart=%00",
          "pageStart=zz",
          "pageSize=1e3",
          "pageSize=",
          "status=BOGUS",
          "types=NOPE",
          "since=yesterday",
          "cursor=%ff",
          "timeout=-5",
          "timeout=999999");

  private static final List<String> VALUES =
      List.of(
          "null",
          "1e999",
          "-1",
          "\"\"",
          "[]",
          "{}",
          "true",
          "\"\\u0000\"",
          "12345678901234567890123",
          "\"" + "x".repeat(5000) + "\"",
          "\"\\ud800\"",
          "\"../../etc\"",
          "0.5",
          "\"\u202e\"");

  private static final List<String> MEDIA_TYPES =
      List.of(
          "text/plain",
          "application/xml",
          "multipart/form-data; boundary=x",
          "application/json; charset=latin1",
          "application/x-www-form-urlencoded",
          "*/*");

  static Mutation of(Random r, String method, String path, byte[] body, Caller caller) {
    Map<String, String> none = Map.of();
    return switch (r.nextInt(12)) {
      case 0 -> new Mutation("truncate", method, path, truncate(r, body), none, caller);
      case 1 -> new Mutation("flip", method, path, flip(r, body), none, caller);
      case 2 -> new Mutation("bad-utf8", method, path, badUtf8(r, body), none, caller);
      case 3 -> new Mutation("value", method, path, value(r, body), none, caller);
      case 4 -> new Mutation("duplicate", method, path, duplicate(body), none, caller);
      case 5 -> new Mutation("nesting", method, path, nesting(r), none, caller);
      case 6 -> new Mutation("segment", method, segment(r, path), body, none, caller);
      case 7 -> new Mutation("query", method, path + "?" + pick(r, QUERIES), body, none, caller);
      case 8 ->
          new Mutation(
              "media-type",
              method,
              path,
              body == null ? "{}".getBytes() : body,
              Map.of("Content-Type", pick(r, MEDIA_TYPES)),
              caller);
      case 9 -> new Mutation("credentials", method, path, body, credentials(r), Caller.ANONYMOUS);
      case 10 ->
          new Mutation(
              "method",
              pick(r, List.of("GET", "POST", "PUT", "PATCH", "DELETE")),
              path,
              body,
              none,
              caller);
      default ->
          new Mutation(
              "empty",
              method,
              path,
              r.nextBoolean() ? new byte[0] : " \n".getBytes(),
              none,
              caller);
    };
  }

  private static <T> T pick(Random r, List<T> list) {
    return list.get(r.nextInt(list.size()));
  }

  private static byte[] orEmpty(byte[] body) {
    return body == null ? "{}".getBytes(StandardCharsets.UTF_8) : body;
  }

  private static byte[] truncate(Random r, byte[] body) {
    byte[] b = orEmpty(body);
    return Arrays.copyOf(b, r.nextInt(b.length));
  }

  private static byte[] flip(Random r, byte[] body) {
    byte[] b = orEmpty(body).clone();
    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
    return b;
  }

  private static byte[] badUtf8(Random r, byte[] body) {
    byte[] b = orEmpty(body);
    byte[][] sequences = {
      {(byte) 0xC0, (byte) 0xAF},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xE2, (byte) 0x82},
      {(byte) 0xFF},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}
    };
    byte[] bad = sequences[r.nextInt(sequences.length)];
    int at = b.length <= 2 ? 1 : 1 + r.nextInt(b.length - 2);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(b, 0, Math.min(at, b.length));
    out.writeBytes(bad);
    if (at < b.length) {
      out.write(b, at, b.length - at);
    }
    return out.toByteArray();
  }

  /** Replaces the first value of a random field with a value of another type or size. */
  private static byte[] value(Random r, byte[] body) {
    String json = new String(orEmpty(body), StandardCharsets.UTF_8);
    String replaced =
        json.replaceFirst(
            "(\"[A-Za-z]+\":)(\"[^\"]*\"|true|false|[0-9]+|\\{\\})",
            "$1" + java.util.regex.Matcher.quoteReplacement(pick(r, VALUES)));
    if (replaced.equals(json)) {
      replaced = "{\"x\":" + pick(r, VALUES) + "}";
    }
    return replaced.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] duplicate(byte[] body) {
    String json = new String(orEmpty(body), StandardCharsets.UTF_8);
    int colon = json.indexOf("\":");
    if (colon < 0 || !json.startsWith("{\"")) {
      return "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8);
    }
    String firstKey = json.substring(1, colon + 1);
    return ("{" + firstKey + ":\"dup\"," + json.substring(1)).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] nesting(Random r) {
    int depth = 50 + r.nextInt(5000);
    return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
  }

  private static String segment(Random r, String path) {
    String[] parts = path.split("/", -1);
    int i = 3 + r.nextInt(Math.max(1, parts.length - 3));
    if (i >= parts.length) {
      return path + "/" + pick(r, SEGMENTS);
    }
    parts[i] = pick(r, SEGMENTS);
    return String.join("/", parts);
  }

  private static Map<String, String> credentials(Random r) {
    String user = pick(r, List.of("admin", "dev", "ghost" + r.nextInt(100), "", ":", "a:b"));
    String secret = "guess-" + r.nextInt(1000);
    String basic =
        Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return Map.of(
        "Authorization",
        pick(
            r,
            List.of(
                "Basic " + basic,
                "Basic !!!",
                "Bearer x",
                "Basic",
                "Digest a=b",
                "Basic " + "A".repeat(9000))));
  }

  @Override
  public String toString() {
    String shown =
        body == null ? "" : new String(body, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
    if (shown.length() > 200) {
      shown = shown.substring(0, 200) + "...";
    }
    return kind + ": " + method + " " + path + " " + headers + " " + shown;
  }
}
