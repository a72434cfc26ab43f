package io.hooklift.domain.event;

import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.shared.JsonWriter;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A tag or manifest was pushed, pulled or deleted. Tag events carry {@code tag}; manifest events do
 * not. The time field is named after the action: {@code pushedAt}, {@code pulledAt} or {@code
 * deletedAt}.
 */
public record ImageContents(
    String namespace,
    String repository,
    Optional<String> tag,
    String digest,
    String imageName,
    String os,
    String architecture,
    String author,
    ImageAction action,
    Instant at)
    implements EventContents {

  /** The three things that happen to an image, each naming its time field. */
  public enum ImageAction {
    PUSHED("pushedAt"),
    PULLED("pulledAt"),
    DELETED("deletedAt");

    private final String timeField;

    ImageAction(String timeField) {
      this.timeField = timeField;
    }

    public String timeField() {
      return timeField;
    }

    /** What happened to the image in a TAG_* or MANIFEST_* event. */
    public static ImageAction of(EventType type) {
      return switch (type) {
        case TAG_PUSH, MANIFEST_PUSH -> PUSHED;
        case TAG_PULL, MANIFEST_PULL -> PULLED;
        case TAG_DELETE, MANIFEST_DELETE -> DELETED;
        default -> throw new IllegalArgumentException(type + " is no tag or manifest event");
      };
    }
  }

  public ImageContents {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(imageName, "imageName");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(at, "at");
  }

  @Override
  public Optional<RepositoryPath> origin() {
    return Optional.of(RepositoryPath.of(namespace, repository));
  }

  @Override
  public void writeFields(JsonWriter json) {
    json.string("namespace", namespace).string("repository", repository);
    tag.ifPresent(t -> json.string("tag", t));
    json.string("digest", digest)
        .string("imageName", imageName)
        .string("os", os)
        .string("architecture", architecture)
        .string("author", author)
        .time(action.timeField(), at);
  }
}
