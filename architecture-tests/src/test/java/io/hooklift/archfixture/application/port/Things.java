package io.hooklift.archfixture.application.port;

import io.hooklift.archfixture.domain.thing.Thing;

public interface Things {

  Page<Thing> list(PageRequest request);
}
