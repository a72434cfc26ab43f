package io.hooklift.archfixture.adapter.persistence.leak;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Breaks the persistence adapter's library list: Jackson belongs to REST. */
public final class PersistenceUsesJackson {

  ObjectMapper json;
}
