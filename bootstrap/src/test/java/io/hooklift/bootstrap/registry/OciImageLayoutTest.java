package io.hooklift.bootstrap.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hooklift.bootstrap.registry.OciImageLayout.Blob;
import io.hooklift.bootstrap.registry.OciImageLayout.Layout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test image the registry end-to-end test pushes: well-formed, content-addressed and the same
 * every time.
 */
class OciImageLayoutTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void givenTwoDirectories_writeTheLayoutTwice_everyFileAndDigestIsIdentical() throws IOException {
    Layout first = OciImageLayout.write(dir.resolve("a"));
    Layout second = OciImageLayout.write(dir.resolve("b"));

    assertThat(second.amd64().manifest()).isEqualTo(first.amd64().manifest());
    assertThat(second.arm64().manifest()).isEqualTo(first.arm64().manifest());
    assertThat(second.multi()).isEqualTo(first.multi());
    assertThat(files(second.dir())).isEqualTo(files(first.dir()));
    for (String file : files(first.dir())) {
      assertThat(Files.readAllBytes(second.dir().resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(first.dir().resolve(file)));
    }
  }

  @Test
  void givenTheLayout_everyBlobIsStoredUnderItsSha256AndEveryDescriptorHasItsSize()
      throws IOException {
    Layout layout = OciImageLayout.write(dir);
    Path blobs = layout.dir().resolve("blobs/sha256");
    try (Stream<Path> stored = Files.list(blobs)) {
      for (Path blob : stored.toList()) {
        assertThat(OciImageLayout.sha256(Files.readAllBytes(blob)))
            .isEqualTo(blob.getFileName().toString());
      }
    }
    for (Blob blob :
        List.of(
            layout.amd64().manifest(),
            layout.amd64().config(),
            layout.amd64().layer(),
            layout.arm64().manifest(),
            layout.arm64().config(),
            layout.arm64().layer(),
            layout.multi())) {
      assertThat(Files.size(blobs.resolve(blob.hex()))).as(blob.digest()).isEqualTo(blob.size());
    }
    assertThat(
            JSON.readTree(layout.dir().resolve("oci-layout").toFile())
                .path("imageLayoutVersion")
                .asText())
        .isEqualTo("1.0.0");
  }

  @Test
  void givenTheLayout_indexJsonNamesAmd64Arm64AndMulti() throws IOException {
    Layout layout = OciImageLayout.write(dir);
    JsonNode index = JSON.readTree(layout.dir().resolve("index.json").toFile());

    assertThat(index.path("schemaVersion").asInt()).isEqualTo(2);
    assertThat(index.path("manifests").findValuesAsText(OciImageLayout.REF_NAME))
        .containsExactly("amd64", "arm64", "multi");
    assertThat(index.path("manifests").findValuesAsText("digest"))
        .containsExactly(
            layout.amd64().manifest().digest(),
            layout.arm64().manifest().digest(),
            layout.multi().digest());
    assertThat(index.path("manifests").get(2).path("mediaType").asText())
        .isEqualTo(OciImageLayout.INDEX);
  }

  @Test
  void givenTheMultiPlatformIndex_eachEntryNamesItsManifestAndPlatform() throws IOException {
    Layout layout = OciImageLayout.write(dir);
    JsonNode multi = read(layout, layout.multi());

    assertThat(multi.path("mediaType").asText()).isEqualTo(OciImageLayout.INDEX);
    JsonNode amd64 = multi.path("manifests").get(0);
    JsonNode arm64 = multi.path("manifests").get(1);
    assertThat(amd64.path("digest").asText()).isEqualTo(layout.amd64().manifest().digest());
    assertThat(amd64.path("platform").toString())
        .isEqualTo("{\"architecture\":\"amd64\",\"os\":\"linux\"}");
    assertThat(arm64.path("digest").asText()).isEqualTo(layout.arm64().manifest().digest());
    assertThat(arm64.path("platform").toString())
        .isEqualTo("{\"architecture\":\"arm64\",\"os\":\"linux\",\"variant\":\"v8\"}");
  }

  @Test
  void givenAnImage_itsConfigNamesThePlatformAndTheUncompressedLayersDigest() throws IOException {
    Layout layout = OciImageLayout.write(dir);
    for (OciImageLayout.Image image : List.of(layout.amd64(), layout.arm64())) {
      JsonNode manifest = read(layout, image.manifest());
      assertThat(manifest.path("config").path("digest").asText())
          .isEqualTo(image.config().digest());
      assertThat(manifest.path("layers").get(0).path("digest").asText())
          .isEqualTo(image.layer().digest());
      assertThat(manifest.path("layers").get(0).path("mediaType").asText())
          .isEqualTo(OciImageLayout.LAYER);

      JsonNode config = read(layout, image.config());
      assertThat(config.path("os").asText()).isEqualTo("linux");
      assertThat(config.path("architecture").asText()).isEqualTo(image.architecture());
      assertThat(config.path("variant").asText()).isEqualTo(image.variant());

      byte[] tar =
          gunzip(
              Files.readAllBytes(
                  layout.dir().resolve("blobs/sha256").resolve(image.layer().hex())));
      assertThat("sha256:" + OciImageLayout.sha256(tar))
          .isEqualTo(config.path("rootfs").path("diff_ids").get(0).asText());
    }
  }

  @Test
  void givenOneFile_tarIsUstarWithAValidChecksumAndTheContentPaddedToBlocks() {
    byte[] content = "hi\n".getBytes(StandardCharsets.UTF_8);
    byte[] tar = OciImageLayout.tar("hello.txt", content);

    assertThat(tar.length).isEqualTo(512 + 512 + 1024);
    assertThat(new String(tar, 0, 9, StandardCharsets.US_ASCII)).isEqualTo("hello.txt");
    assertThat(new String(tar, 257, 6, StandardCharsets.US_ASCII)).isEqualTo("ustar\0");
    assertThat(Long.parseLong(new String(tar, 124, 11, StandardCharsets.US_ASCII), 8)).isEqualTo(3);
    assertThat(tar[156]).isEqualTo((byte) '0');
    long stored = Long.parseLong(new String(tar, 148, 6, StandardCharsets.US_ASCII), 8);
    long sum = 0;
    for (int i = 0; i < 512; i++) {
      sum += i >= 148 && i < 156 ? ' ' : tar[i] & 0xff;
    }
    assertThat(stored).isEqualTo(sum);
    assertThat(new String(tar, 512, 3, StandardCharsets.UTF_8)).isEqualTo("hi\n");
  }

  private static JsonNode read(Layout layout, Blob blob) throws IOException {
    return JSON.readTree(layout.dir().resolve("blobs/sha256").resolve(blob.hex()).toFile());
  }

  private static byte[] gunzip(byte[] gzip) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return in.readAllBytes();
    }
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .sorted()
          .toList();
    }
  }
}
