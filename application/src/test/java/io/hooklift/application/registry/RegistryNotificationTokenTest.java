package io.hooklift.application.registry;

import static io.hooklift.application.registry.RegistryTestApplication.TOKEN;
import static io.hooklift.domain.registry.Notifications.AMD64_DIGEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.application.registry.RegistryNotificationUseCases.Receipt;
import io.hooklift.domain.registry.Notifications;
import io.hooklift.domain.shared.NotFound;
import io.hooklift.domain.shared.Unauthenticated;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Only a caller presenting the configured token may post registry notifications; a wrong token
 * stores nothing and marks nothing handled. With no (or a blank) token configured there is no
 * endpoint at all.
 */
class RegistryNotificationTokenTest {

  private RegistryTestApplication t = new RegistryTestApplication();

  @Test
  void givenNoTokenConfigured_theEndpointIsNotFound() {
    t = new RegistryTestApplication(RegistrySettings.DISABLED);

    assertThatThrownBy(() -> t.receive(Notifications.push("foo/bar", "latest", AMD64_DIGEST)))
        .isInstanceOf(NotFound.class);
    assertThat(t.events()).isEmpty();
    assertThat(t.registry.lookUps()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "wrong", "registry-secre", "registry-secret ", "REGISTRY-SECRET"})
  void givenWrongOrEmptyToken_isUnauthenticatedAndNothingIsStoredOrMarkedHandled(String presented) {
    Notifications push = Notifications.push("foo/bar", "latest", AMD64_DIGEST).id("push-1");

    assertThatThrownBy(() -> t.app.registry().receive(presented, List.of(push.build())))
        .isInstanceOf(Unauthenticated.class);
    assertThat(t.events()).isEmpty();
    assertThat(t.registry.lookUps()).isEmpty();

    // the registry resends it with the right token: not a duplicate
    assertThat(t.receive(push)).isEqualTo(new Receipt(2, 0, 0));
  }

  @Test
  void givenBlankTokenConfigured_theEndpointIsOffRatherThanOpenToRequestsWithoutToken() {
    t = new RegistryTestApplication(new RegistrySettings(Optional.of(""), "", false, true));

    assertThatThrownBy(
            () ->
                t.app
                    .registry()
                    .receive(
                        "", List.of(Notifications.push("foo/bar", "latest", AMD64_DIGEST).build())))
        .isInstanceOf(NotFound.class);
    assertThat(new RegistrySettings(Optional.of("  "), "", false, true).token()).isEmpty();
    assertThat(t.events()).isEmpty();
  }

  @Test
  void givenRightTokenAndNoNotifications_receivesNothing() {
    assertThat(t.app.registry().receive(TOKEN, List.of())).isEqualTo(new Receipt(0, 0, 0));
  }
}
