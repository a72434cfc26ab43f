package io.hooklift.archfixture.adapter.persistence.leak;

import io.hooklift.archfixture.bootstrap.Main;

/** Breaks the module table: nothing may depend on the composition root. */
public final class PersistenceSeesBootstrap {

  Object wiring() {
    return Main.wire();
  }
}
