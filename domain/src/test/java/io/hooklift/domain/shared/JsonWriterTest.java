package io.hooklift.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

  @Test
  void strings_areEscapedSoNoInputCanBreakTheDocument() {
    String json = JsonWriter.object(w -> w.string("a\"b", "q\"\\\n\r\t\u0000\u001f\u2028é"));
    assertThat(json).isEqualTo("{\"a\\\"b\":\"q\\\"\\\\\\n\\r\\t\\u0000\\u001f\\u2028é\"}");
  }

  @Test
  void nestedObjects_separateFieldsCorrectly() {
    String json =
        JsonWriter.object(
            w ->
                w.number("n", -1)
                    .object("o", i -> i.bool("t", true).bool("f", false))
                    .string("s", ""));
    assertThat(json).isEqualTo("{\"n\":-1,\"o\":{\"t\":true,\"f\":false},\"s\":\"\"}");
  }
}
