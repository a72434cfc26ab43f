package io.hooklift.archfixture.adapter.persistence.leak;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Breaks both entity rules: public, and not named *JpaEntity. */
@Entity
public class PublicThingEntity {

  @Id String name;
}
