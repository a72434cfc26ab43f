package io.hooklift.archfixture.adapter.delivery.leak;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Breaks the delivery adapter's library list: the domain renders delivered JSON, not Jackson. */
public final class DeliveryUsesJackson {

  ObjectMapper json;
}
