package io.hooklift.archfixture.domain.cycleb;

import io.hooklift.archfixture.domain.cyclea.Egg;

/** With {@code Egg}, breaks "feature packages are free of cycles". */
public final class Chicken {

  Egg laid;
}
