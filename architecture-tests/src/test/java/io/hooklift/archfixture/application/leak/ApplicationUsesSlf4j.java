package io.hooklift.archfixture.application.leak;

import org.slf4j.Logger;

/** Breaks "application depends only on the domain and the JDK": a library. */
public final class ApplicationUsesSlf4j {

  Logger log;
}
