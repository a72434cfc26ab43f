package io.hooklift.archfixture.application.leak;

import jakarta.ws.rs.core.Response;

/** Breaks "JAX-RS and Jersey stay in the REST adapter and bootstrap". */
public final class ApplicationUsesJaxRs {

  Response.Status status;
}
