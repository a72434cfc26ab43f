package io.hooklift.archfixture.domain.cyclea;

import io.hooklift.archfixture.domain.cycleb.Chicken;

/** With {@code Chicken}, breaks "feature packages are free of cycles". */
public final class Egg {

  Chicken layer;
}
