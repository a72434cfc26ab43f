package io.hooklift.archfixture.adapter.rest.leak;

import jakarta.ws.rs.Path;

/** Breaks "JAX-RS resources are named *Resource". */
@Path("/leaky-things")
public class Things {}
