package io.hooklift.application.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.application.access.World.Who;
import io.hooklift.domain.shared.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The admin rules of docs/access-rules.md as one table: actor × operation → outcome. {@code ok}
 * allowed, {@code 403} visible but not permitted, {@code 404} not visible (or not there), {@code
 * 400} refused as input. Every cell runs against a fresh world, through the real services.
 */
class AdminRulesTest {

  private static final Who[] COLUMNS = {
    Who.SYSTEM_ADMIN, Who.ORG_OWNER, Who.TEAM_ADMIN, Who.TEAM_READ_WRITE,
    Who.TEAM_READ_ONLY, Who.ORG_MEMBER, Who.UNRELATED, Who.NAMESPACE_USER
  };

  private static final String TABLE =
      """
      #                                sysadm owner  t-adm  t-rw   t-ro   member unrel  ns-usr
      SUBSCRIBE_PUBLIC_REPO            ok     ok     ok     403    403    403    403    403
      SUBSCRIBE_PRIVATE_REPO           ok     ok     ok     403    403    404    404    404
      SUBSCRIBE_NAMESPACE_TAGS         ok     ok     403    403    403    403    403    403
      SUBSCRIBE_REPO_EVENTS            ok     ok     403    403    403    403    403    403
      SUBSCRIBE_WITHOUT_KEY            ok     400    400    400    400    400    400    400
      SUBSCRIBE_SCANNER_UPDATES        ok     403    403    403    403    403    403    403
      SUBSCRIBE_USER_PRIVATE_REPO      ok     404    404    404    404    404    404    ok
      SUBSCRIBE_MISSING_REPO           404    404    404    404    404    404    404    404
      LIST_PRIVATE_REPO_HOOKS          ok     ok     ok     403    403    404    404    404
      LIST_NAMESPACE_HOOKS             ok     ok     403    403    403    403    403    403
      GET_PRIVATE_REPO_HOOK            ok     ok     ok     404    404    404    404    404
      GET_NAMESPACE_HOOK               ok     ok     404    404    404    404    404    404
      PATCH_PRIVATE_REPO_HOOK          ok     ok     ok     404    404    404    404    404
      DELETE_PUBLIC_REPO_HOOK          ok     ok     ok     404    404    404    404    404
      GET_PRIVATE_REPO                 ok     ok     ok     ok     ok     404    404    404
      UPDATE_PRIVATE_REPO              ok     ok     ok     403    403    404    404    404
      DELETE_PUBLIC_REPO               ok     ok     ok     403    403    403    403    403
      CREATE_REPO_IN_ORG               ok     ok     403    403    403    403    403    403
      GRANT_TEAM_ACCESS                ok     ok     403    403    403    403    403    403
      ADD_ORG_MEMBER                   ok     ok     403    403    403    403    403    403
      CREATE_TOKEN_FOR_NAMESPACE_USER  ok     403    403    403    403    403    403    ok
      DELETE_ACCOUNT                   ok     403    403    403    403    403    403    403
      """;

  static Stream<Arguments> cells() {
    List<Arguments> cells = new ArrayList<>();
    for (String line :
        TABLE.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
      String[] parts = line.split("\\s+");
      for (int i = 0; i < COLUMNS.length; i++) {
        cells.add(Arguments.of(COLUMNS[i], Operation.valueOf(parts[0]), parts[i + 1]));
      }
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("cells")
  void givenActor_operation_hasTheOutcomeTheRulesSay(
      Who who, Operation operation, String expected) {
    World world = new World();
    assertThat(outcome(() -> operation.perform(world, world.get(who)))).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void theTableCoversEveryOperation() {
    assertThat(cells().map(a -> a.get()[1]).distinct().count())
        .isEqualTo(Operation.values().length);
  }

  private static String outcome(Runnable call) {
    try {
      call.run();
      return "ok";
    } catch (DomainException e) {
      return switch (e.kind()) {
        case INVALID_INPUT -> "400";
        case UNAUTHENTICATED -> "401";
        case ACCESS_DENIED -> "403";
        case NOT_FOUND -> "404";
        case CONFLICT -> "409";
        case RATE_LIMITED -> "429";
        case OVERLOADED -> "503";
      };
    }
  }
}
