package io.hooklift.archfixture.application.leak;

/** A type of the inbound side, returned by a port in the fixture. */
public record UseCaseResult(boolean healthy) {}
