/**
 * Who is calling and how much they may send: HTTP Basic authentication into an {@code Actor},
 * deny-by-default for every resource not marked {@link
 * io.hooklift.adapter.rest.security.PublicEndpoint}, and the request body size limit.
 */
package io.hooklift.adapter.rest.security;
