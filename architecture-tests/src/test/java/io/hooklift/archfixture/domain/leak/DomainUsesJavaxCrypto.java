package io.hooklift.archfixture.domain.leak;

import javax.crypto.Mac;

/** Breaks "domain depends only on the JDK": javax is JDK, but not java.., so not for the domain. */
public final class DomainUsesJavaxCrypto {

  Mac mac;
}
