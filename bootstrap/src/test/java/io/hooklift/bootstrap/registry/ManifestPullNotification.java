package io.hooklift.bootstrap.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hooklift.bootstrap.registry.OciImageLayout.Blob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A notification made by hand as Distribution 2.8 writes it: one manifest pull by digest (GET). */
final class ManifestPullNotification {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ManifestPullNotification() {}

  /**
   * The envelope's bytes, with the given event id, as if the registry at {@code
   * registryHostAndPort} sent it.
   */
  static byte[] json(
      String eventId, String repository, Blob manifest, String actor, String registryHostAndPort) {
    ObjectNode event = JSON.createObjectNode();
    event.put("id", eventId);
    event.put("timestamp", OffsetDateTime.now().toString());
    event.put("action", "pull");
    ObjectNode target = event.putObject("target");
    target.put("mediaType", OciImageLayout.MANIFEST);
    target.put("size", manifest.size());
    target.put("digest", manifest.digest());
    target.put("length", manifest.size());
    target.put("repository", repository);
    target.put(
        "url",
        "http://" + registryHostAndPort + "/v2/" + repository + "/manifests/" + manifest.digest());
    ObjectNode request = event.putObject("request");
    request.put("id", UUID.randomUUID().toString());
    request.put("addr", "127.0.0.1:40000");
    request.put("host", registryHostAndPort);
    request.put("method", "GET");
    request.put("useragent", "hooklift-e2e-replay");
    event.putObject("actor").put("name", actor);
    event
        .putObject("source")
        .put("addr", "e2e:5000")
        .put("instanceID", UUID.randomUUID().toString());
    ObjectNode envelope = JSON.createObjectNode();
    envelope.putArray("events").add(event);
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(envelope);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
