package io.hooklift.archfixture.adapter.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Compliant: named *JpaEntity and package-private. */
@Entity
class ThingJpaEntity {

  @Id String name;
}
