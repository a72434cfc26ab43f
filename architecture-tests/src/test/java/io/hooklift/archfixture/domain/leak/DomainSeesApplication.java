package io.hooklift.archfixture.domain.leak;

import io.hooklift.archfixture.application.thing.ThingUseCases;

/** Breaks the module table: the domain reaches out to the application. */
public final class DomainSeesApplication {

  ThingUseCases useCases;
}
