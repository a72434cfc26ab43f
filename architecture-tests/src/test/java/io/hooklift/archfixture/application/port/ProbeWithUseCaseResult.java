package io.hooklift.archfixture.application.port;

import io.hooklift.archfixture.application.leak.UseCaseResult;

/** Breaks "outbound ports depend only on the domain": a port returns a use case's type. */
public interface ProbeWithUseCaseResult {

  UseCaseResult probe();
}
