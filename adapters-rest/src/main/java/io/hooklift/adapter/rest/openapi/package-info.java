/**
 * The API's OpenAPI 3 document, generated at start from the JAX-RS resources with swagger-core, and
 * served at {@code /api/v0/openapi.json} for the console's API explorer and any client generator.
 */
package io.hooklift.adapter.rest.openapi;
