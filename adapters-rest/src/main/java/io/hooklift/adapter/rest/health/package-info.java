/** Unauthenticated liveness ({@code /_ping}) and per-component health ({@code /health}). */
package io.hooklift.adapter.rest.health;
