/** Liveness and per-component health for {@code /health}. */
package io.hooklift.application.health;
