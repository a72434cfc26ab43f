package io.hooklift.domain.event;

import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.shared.JsonWriter;
import java.util.Objects;
import java.util.Optional;

/**
 * An image was mirrored to or from a remote registry: the tag's push fields plus the remote side.
 */
public record MirroringContents(
    ImageContents tag,
    String mirroringPolicyId,
    String remoteHost,
    String remoteRepository,
    String remoteTag,
    String remoteDigest)
    implements EventContents {

  public MirroringContents {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(mirroringPolicyId, "mirroringPolicyId");
    Objects.requireNonNull(remoteHost, "remoteHost");
    Objects.requireNonNull(remoteRepository, "remoteRepository");
    Objects.requireNonNull(remoteTag, "remoteTag");
    Objects.requireNonNull(remoteDigest, "remoteDigest");
  }

  @Override
  public Optional<RepositoryPath> origin() {
    return tag.origin();
  }

  @Override
  public void writeFields(JsonWriter json) {
    tag.writeFields(json);
    json.object(
        "mirroring",
        m ->
            m.string("mirroringPolicyID", mirroringPolicyId)
                .string("remoteHost", remoteHost)
                .string("remoteRepository", remoteRepository)
                .string("remoteTag", remoteTag)
                .string("digest", remoteDigest));
  }
}
