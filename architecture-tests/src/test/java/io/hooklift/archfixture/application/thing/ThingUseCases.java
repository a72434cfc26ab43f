package io.hooklift.archfixture.application.thing;

import io.hooklift.archfixture.application.port.Page;
import io.hooklift.archfixture.application.port.PageRequest;
import io.hooklift.archfixture.domain.thing.Thing;

public interface ThingUseCases {

  Page<Thing> list(PageRequest request);
}
