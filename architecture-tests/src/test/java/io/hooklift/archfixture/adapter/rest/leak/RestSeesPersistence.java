package io.hooklift.archfixture.adapter.rest.leak;

import io.hooklift.archfixture.adapter.persistence.JpaThings;

/** Breaks the module table: one adapter uses another. */
public final class RestSeesPersistence {

  JpaThings things;
}
