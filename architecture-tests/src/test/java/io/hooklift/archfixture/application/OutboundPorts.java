package io.hooklift.archfixture.application;

import io.hooklift.archfixture.application.port.Things;

/** The bag of outbound ports the composition root hands to the assembly. */
public record OutboundPorts(Things things) {}
