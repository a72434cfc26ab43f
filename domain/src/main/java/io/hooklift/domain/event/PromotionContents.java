package io.hooklift.domain.event;

import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.shared.JsonWriter;
import java.util.Objects;
import java.util.Optional;

/** An image was promoted: the target tag's push fields plus where it came from. */
public record PromotionContents(
    ImageContents target, String promotionPolicyId, String sourceRepository, String sourceTag)
    implements EventContents {

  public PromotionContents {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(promotionPolicyId, "promotionPolicyId");
    Objects.requireNonNull(sourceRepository, "sourceRepository");
    Objects.requireNonNull(sourceTag, "sourceTag");
  }

  @Override
  public Optional<RepositoryPath> origin() {
    return target.origin();
  }

  @Override
  public void writeFields(JsonWriter json) {
    target.writeFields(json);
    json.object(
        "promotion",
        p ->
            p.string("promotionPolicyID", promotionPolicyId)
                .string("sourceRepository", sourceRepository)
                .string("sourceTag", sourceTag));
  }
}
