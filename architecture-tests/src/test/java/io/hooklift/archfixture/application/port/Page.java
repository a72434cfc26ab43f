package io.hooklift.archfixture.application.port;

import java.util.List;

public record Page<T>(List<T> items) {}
