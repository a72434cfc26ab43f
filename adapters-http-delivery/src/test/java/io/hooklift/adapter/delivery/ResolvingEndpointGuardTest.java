package io.hooklift.adapter.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.domain.delivery.EgressPolicy;
import io.hooklift.domain.subscription.Endpoint;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class ResolvingEndpointGuardTest {

  private final ResolvingEndpointGuard guard =
      new ResolvingEndpointGuard(
          EgressPolicy.standard(),
          host -> {
            if (host.equals("ci.example.com")) {
              return new InetAddress[] {InetAddress.getByName("10.1.2.3")};
            }
            if (host.equals("evil.example.com")) {
              return new InetAddress[] {InetAddress.getByName("169.254.169.254")};
            }
            if (host.matches("[0-9.:a-f]+")) {
              return InetAddress.getAllByName(host);
            }
            throw new UnknownHostException(host);
          });

  @Test
  void givenLiteralLoopbackOrAHostResolvingToMetadata_isRefusedNow() {
    assertThat(guard.refusal(new Endpoint("http://127.0.0.1:8080/"))).isPresent();
    assertThat(guard.refusal(new Endpoint("http://[::1]/"))).isPresent();
    assertThat(guard.refusal(new Endpoint("http://evil.example.com/")))
        .hasValueSatisfying(r -> assertThat(r).contains("metadata"));
  }

  @Test
  void givenPrivateAddressOrAHostThatDoesNotResolveYet_passes() {
    assertThat(guard.refusal(new Endpoint("https://ci.example.com/hook"))).isEmpty();
    assertThat(guard.refusal(new Endpoint("https://not-there-yet.example.com/hook"))).isEmpty();
  }
}
