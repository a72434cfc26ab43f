package io.hooklift.archfixture.application.port;

public record PageRequest(int size) {}
