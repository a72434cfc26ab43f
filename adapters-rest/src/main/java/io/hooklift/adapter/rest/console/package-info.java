/**
 * The web console as files (one HTML page, ES modules, a stylesheet, swagger-ui from its WebJar)
 * and the security headers every response carries. The console is a client of the API like any
 * other.
 */
package io.hooklift.adapter.rest.console;
