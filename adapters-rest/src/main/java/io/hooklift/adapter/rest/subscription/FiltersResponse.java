package io.hooklift.adapter.rest.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.hooklift.domain.filter.PatternList;
import io.hooklift.domain.filter.Severity;
import io.hooklift.domain.filter.SubscriptionFilters;
import java.util.List;

/** A webhook's {@code filters} as shown: only the conditions it has. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "tags",
  "platforms",
  "mediaTypes",
  "artifactTypes",
  "newDigestOnly",
  "minSeverity"
})
public record FiltersResponse(
    List<String> tags,
    List<String> platforms,
    List<String> mediaTypes,
    List<String> artifactTypes,
    Boolean newDigestOnly,
    String minSeverity) {

  /** Null (the field left out) when the webhook has no filters. */
  static FiltersResponse of(SubscriptionFilters filters) {
    if (filters.isEmpty()) {
      return null;
    }
    return new FiltersResponse(
        filters.tags().map(PatternList::patterns).orElse(null),
        filters.platforms().map(PatternList::patterns).orElse(null),
        filters.mediaTypes().map(PatternList::patterns).orElse(null),
        filters.artifactTypes().map(PatternList::patterns).orElse(null),
        filters.newDigestOnly() ? Boolean.TRUE : null,
        filters.minSeverity().map(Severity::wireName).orElse(null));
  }
}
