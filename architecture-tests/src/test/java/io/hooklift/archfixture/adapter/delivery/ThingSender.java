package io.hooklift.archfixture.adapter.delivery;

import io.hooklift.archfixture.domain.thing.Thing;
import java.net.http.HttpClient;

public final class ThingSender {

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public String describe(Thing thing) {
    return thing.name() + " via " + client.version();
  }
}
