package io.hooklift.archfixture.adapter.delivery.leak;

import io.hooklift.archfixture.adapter.rest.ThingsResource;

/** Breaks the module table: one adapter uses another. */
public final class DeliverySeesRest {

  ThingsResource resource;
}
