package io.hooklift.archfixture.adapter.rest.leak;

import io.hooklift.archfixture.application.thing.ThingService;

/** Breaks "REST sees use case interfaces": it is handed the implementation. */
public final class ResourceUsesService {

  ThingService service;
}
