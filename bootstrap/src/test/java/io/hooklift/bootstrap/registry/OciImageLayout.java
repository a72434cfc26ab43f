package io.hooklift.bootstrap.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a small OCI image layout (image-spec v1.0 "image layout") without network, shell or tools,
 * so that {@code skopeo copy oci:<dir>:<ref> docker://…} has something to push:
 *
 * <ul>
 *   <li>{@code amd64}: an image manifest for linux/amd64, one gzip'd tar layer holding {@code
 *       /hello.txt};
 *   <li>{@code arm64}: the same for linux/arm64, variant v8, with a different file content;
 *   <li>{@code multi}: an OCI image index of the two, each entry with its platform.
 * </ul>
 *
 * Every byte is fixed (tar mtimes, uid/gid, gzip header without time or name, compact JSON in a
 * fixed key order), so the digests are the same on every run on the same JDK.
 */
final class OciImageLayout {

  static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String INDEX = "application/vnd.oci.image.index.v1+json";
  static final String CONFIG = "application/vnd.oci.image.config.v1+json";
  static final String LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
  static final String REF_NAME = "org.opencontainers.image.ref.name";

  /** 2024-01-01T00:00:00Z, the time of every file and of the images' creation. */
  private static final long MTIME = 1_704_067_200L;

  private static final String CREATED = "2024-01-01T00:00:00Z";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A content-addressed blob of the layout. */
  record Blob(String mediaType, String digest, long size) {
    String hex() {
      return digest.substring("sha256:".length());
    }
  }

  /** A single-platform image: its manifest, config and only layer. */
  record Image(
      String ref,
      String os,
      String architecture,
      String variant,
      Blob manifest,
      Blob config,
      Blob layer,
      String diffId) {}

  /** What was written where. */
  record Layout(Path dir, Image amd64, Image arm64, Blob multi) {
    /** skopeo's name for one of the refs, for example {@code oci:/tmp/x/layout:amd64}. */
    String reference(String ref) {
      return "oci:" + dir + ":" + ref;
    }
  }

  private final Path dir;

  private OciImageLayout(Path dir) {
    this.dir = dir;
  }

  /** Writes the layout into {@code dir} (created if missing; should be empty). */
  static Layout write(Path dir) {
    try {
      Files.createDirectories(dir.resolve("blobs").resolve("sha256"));
      return new OciImageLayout(dir).writeAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Layout writeAll() throws IOException {
    Image amd64 = image("amd64", "amd64", "", "hello from linux/amd64\n");
    Image arm64 = image("arm64", "arm64", "v8", "hello from linux/arm64/v8\n");

    ObjectNode index = JSON.createObjectNode();
    index.put("schemaVersion", 2);
    index.put("mediaType", INDEX);
    ArrayNode manifests = index.putArray("manifests");
    manifests.add(platformEntry(amd64));
    manifests.add(platformEntry(arm64));
    Blob multi = blob(INDEX, bytes(index));

    Files.write(
        dir.resolve("oci-layout"),
        bytes(JSON.createObjectNode().put("imageLayoutVersion", "1.0.0")));
    ObjectNode top = JSON.createObjectNode();
    top.put("schemaVersion", 2);
    top.put("mediaType", INDEX);
    ArrayNode refs = top.putArray("manifests");
    refs.add(named(amd64.manifest(), amd64.ref()));
    refs.add(named(arm64.manifest(), arm64.ref()));
    refs.add(named(multi, "multi"));
    Files.write(dir.resolve("index.json"), bytes(top));
    return new Layout(dir, amd64, arm64, multi);
  }

  private Image image(String ref, String architecture, String variant, String text)
      throws IOException {
    byte[] tar = tar("hello.txt", text.getBytes(StandardCharsets.UTF_8));
    String diffId = "sha256:" + sha256(tar);
    Blob layer = blob(LAYER, gzip(tar));

    ObjectNode config = JSON.createObjectNode();
    config.put("created", CREATED);
    config.put("architecture", architecture);
    if (!variant.isEmpty()) {
      config.put("variant", variant);
    }
    config.put("os", "linux");
    ObjectNode runtime = config.putObject("config");
    runtime
        .putArray("Env")
        .add("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    runtime.putArray("Cmd").add("/hello.txt");
    ObjectNode rootfs = config.putObject("rootfs");
    rootfs.put("type", "layers");
    rootfs.putArray("diff_ids").add(diffId);
    config
        .putArray("history")
        .addObject()
        .put("created", CREATED)
        .put("created_by", "Hooklift test OciImageLayout");
    Blob configBlob = blob(CONFIG, bytes(config));

    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MANIFEST);
    manifest.set("config", descriptor(configBlob));
    manifest.putArray("layers").add(descriptor(layer));
    Blob manifestBlob = blob(MANIFEST, bytes(manifest));
    return new Image(ref, "linux", architecture, variant, manifestBlob, configBlob, layer, diffId);
  }

  private static ObjectNode descriptor(Blob blob) {
    ObjectNode node = JSON.createObjectNode();
    node.put("mediaType", blob.mediaType());
    node.put("digest", blob.digest());
    node.put("size", blob.size());
    return node;
  }

  private static ObjectNode platformEntry(Image image) {
    ObjectNode entry = descriptor(image.manifest());
    ObjectNode platform = entry.putObject("platform");
    platform.put("architecture", image.architecture());
    platform.put("os", image.os());
    if (!image.variant().isEmpty()) {
      platform.put("variant", image.variant());
    }
    return entry;
  }

  private static ObjectNode named(Blob blob, String ref) {
    ObjectNode entry = descriptor(blob);
    entry.putObject("annotations").put(REF_NAME, ref);
    return entry;
  }

  /** Stores the bytes under {@code blobs/sha256/<hex>} and describes them. */
  private Blob blob(String mediaType, byte[] content) throws IOException {
    String hex = sha256(content);
    Files.write(dir.resolve("blobs").resolve("sha256").resolve(hex), content);
    return new Blob(mediaType, "sha256:" + hex, content.length);
  }

  // ---------------------------------------------------------------------------------------------
  // tar (POSIX ustar) and gzip, by hand

  /** A ustar archive of one regular file at the root, owned by 0:0, mode 0644, fixed mtime. */
  static byte[] tar(String name, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] header = new byte[512];
    field(header, 0, 100, name.getBytes(StandardCharsets.US_ASCII));
    octal(header, 100, 8, 0644);
    octal(header, 108, 8, 0);
    octal(header, 116, 8, 0);
    octal(header, 124, 12, content.length);
    octal(header, 136, 12, MTIME);
    header[156] = '0';
    field(header, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
    field(header, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
    field(header, 265, 32, "root".getBytes(StandardCharsets.US_ASCII));
    field(header, 297, 32, "root".getBytes(StandardCharsets.US_ASCII));
    octal(header, 329, 8, 0);
    octal(header, 337, 8, 0);
    // The checksum is taken with its own field read as eight spaces, then stored as six octal
    // digits, NUL, space.
    java.util.Arrays.fill(header, 148, 156, (byte) ' ');
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    byte[] checksum = String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(checksum, 0, header, 148, 8);
    out.writeBytes(header);
    out.writeBytes(content);
    out.writeBytes(new byte[(512 - content.length % 512) % 512]);
    out.writeBytes(new byte[1024]); // end of archive: two zero blocks
    return out.toByteArray();
  }

  private static void field(byte[] header, int offset, int length, byte[] value) {
    if (value.length > length) {
      throw new IllegalArgumentException(
          "tar header field too long: " + new String(value, StandardCharsets.US_ASCII));
    }
    System.arraycopy(value, 0, header, offset, value.length);
  }

  /** Zero-padded octal, NUL-terminated, filling the field. */
  private static void octal(byte[] header, int offset, int length, long value) {
    String digits = Long.toOctalString(value);
    String padded = "0".repeat(length - 1 - digits.length()) + digits;
    field(header, offset, length, (padded + "\0").getBytes(StandardCharsets.US_ASCII));
  }

  /** gzip with the JDK's fixed header (no name, mtime 0) at the best compression. */
  static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip =
        new GZIPOutputStream(out) {
          {
            def.setLevel(Deflater.BEST_COMPRESSION);
          }
        }) {
      gzip.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
