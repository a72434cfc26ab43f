package io.hooklift.archfixture.application.leak;

import io.hooklift.archfixture.adapter.rest.ThingsResource;

/** Breaks the module table: the application knows an adapter. */
public final class ApplicationSeesRest {

  ThingsResource resource;
}
