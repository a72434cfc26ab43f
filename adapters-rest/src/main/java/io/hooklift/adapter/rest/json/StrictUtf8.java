package io.hooklift.adapter.rest.json;

import io.hooklift.adapter.rest.error.ApiException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Every JSON body must be well-formed UTF-8 before the JSON parser sees it. The parser decodes
 * leniently: an overlong {@code C0 AF} inside a key would be read as {@code /}, so the bytes would
 * say one thing and the server do another. The JDK's decoder refuses overlong forms, encoded
 * surrogates and truncated sequences; the body (already bounded by the body limit) is checked
 * whole, then handed on unchanged.
 */
@Provider
public final class StrictUtf8 implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (isJson(context.getMediaType())) {
      byte[] body = context.getInputStream().readAllBytes();
      requireUtf8(body);
      context.setInputStream(new ByteArrayInputStream(body));
    }
    return context.proceed();
  }

  /** Throws a 400 {@code INVALID_JSON} when {@code body} is not well-formed UTF-8. */
  public static void requireUtf8(byte[] body) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.wrap(body);
    try {
      decoder.decode(bytes);
    } catch (CharacterCodingException e) {
      throw ApiException.invalidJson(
          "request body is not valid UTF-8 (an invalid, overlong or truncated byte sequence"
              + " near byte "
              + bytes.position()
              + ")");
    }
  }

  private static boolean isJson(MediaType type) {
    return type == null
        || type.getSubtype().equalsIgnoreCase("json")
        || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json");
  }
}
