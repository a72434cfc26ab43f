package io.hooklift.archfixture.adapter.persistence;

import io.hooklift.archfixture.application.port.Page;
import io.hooklift.archfixture.application.port.PageRequest;
import io.hooklift.archfixture.application.port.Things;
import io.hooklift.archfixture.domain.thing.Thing;
import jakarta.persistence.EntityManager;
import java.util.List;

public final class JpaThings implements Things {

  private final EntityManager entityManager;

  public JpaThings(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public Page<Thing> list(PageRequest request) {
    entityManager.find(ThingJpaEntity.class, "x");
    return new Page<>(List.of());
  }
}
