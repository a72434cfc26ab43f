package io.hooklift.adapter.persistence.subscription;

import io.hooklift.domain.filter.PatternList;
import io.hooklift.domain.filter.Severity;
import io.hooklift.domain.filter.SubscriptionFilters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@link SubscriptionFilters} in the {@code filters} column: one line per condition, {@code
 * <name>\t<value>…}. Patterns are checked to hold neither tabs nor newlines, so the text needs no
 * escaping; reading goes back through the domain's own parsing, so a stored filter is checked like
 * a new one.
 */
final class FiltersColumn {

  private FiltersColumn() {}

  static String write(SubscriptionFilters filters) {
    List<String> lines = new ArrayList<>();
    filters.tags().ifPresent(p -> lines.add(line("tags", p)));
    filters.platforms().ifPresent(p -> lines.add(line("platforms", p)));
    filters.mediaTypes().ifPresent(p -> lines.add(line("mediaTypes", p)));
    filters.artifactTypes().ifPresent(p -> lines.add(line("artifactTypes", p)));
    if (filters.newDigestOnly()) {
      lines.add("newDigestOnly\ttrue");
    }
    filters.minSeverity().ifPresent(s -> lines.add("minSeverity\t" + s.wireName()));
    return String.join("\n", lines);
  }

  static SubscriptionFilters read(String column) {
    if (column == null || column.isEmpty()) {
      return SubscriptionFilters.NONE;
    }
    Optional<PatternList> tags = Optional.empty();
    Optional<PatternList> platforms = Optional.empty();
    Optional<PatternList> mediaTypes = Optional.empty();
    Optional<PatternList> artifactTypes = Optional.empty();
    boolean newDigestOnly = false;
    Optional<Severity> minSeverity = Optional.empty();
    for (String line : column.split("\n")) {
      String[] parts = line.split("\t", -1);
      List<String> values = Arrays.asList(parts).subList(1, parts.length);
      switch (parts[0]) {
        case "tags" -> tags = Optional.of(SubscriptionFilters.tagPatterns(values));
        case "platforms" -> platforms = Optional.of(SubscriptionFilters.platformPatterns(values));
        case "mediaTypes" ->
            mediaTypes = Optional.of(SubscriptionFilters.mediaTypePatterns(values));
        case "artifactTypes" ->
            artifactTypes = Optional.of(SubscriptionFilters.artifactTypePatterns(values));
        case "newDigestOnly" -> newDigestOnly = true;
        case "minSeverity" ->
            minSeverity = Optional.of(Severity.parse("filters.minSeverity", values.get(0)));
        default -> throw new IllegalStateException("unknown stored filter " + parts[0]);
      }
    }
    return new SubscriptionFilters(
        tags, platforms, mediaTypes, artifactTypes, newDigestOnly, minSeverity);
  }

  private static String line(String name, PatternList patterns) {
    return name + "\t" + String.join("\t", patterns.patterns());
  }
}
