package io.hooklift.archfixture.adapter.persistence.leak;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Breaks "entities are package-private" only. */
@Entity
public class PublicThingJpaEntity {

  @Id String name;
}
