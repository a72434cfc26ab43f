package io.hooklift.archfixture.application.thing;

import io.hooklift.archfixture.application.port.Page;
import io.hooklift.archfixture.application.port.PageRequest;
import io.hooklift.archfixture.application.port.Things;
import io.hooklift.archfixture.domain.thing.Thing;
import javax.crypto.Mac;

public final class ThingService implements ThingUseCases {

  private final Things things;

  public ThingService(Things things) {
    this.things = things;
  }

  @Override
  public Page<Thing> list(PageRequest request) {
    return things.list(request);
  }

  /** javax.crypto is JDK the application may use (password hashing). */
  static String macAlgorithm(Mac mac) {
    return mac.getAlgorithm();
  }
}
