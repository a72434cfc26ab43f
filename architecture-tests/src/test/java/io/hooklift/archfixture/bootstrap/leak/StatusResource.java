package io.hooklift.archfixture.bootstrap.leak;

import jakarta.ws.rs.Path;

/** Breaks "JAX-RS resources live in the REST adapter": well named, wrong module. */
@Path("/status")
public class StatusResource {}
