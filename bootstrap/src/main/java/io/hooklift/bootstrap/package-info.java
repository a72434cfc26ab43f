/**
 * The composition root: reads the settings, wires the adapters to the application by hand (no DI
 * container), runs the HTTP server and shuts everything down in order. Nothing else may depend on
 * it.
 */
package io.hooklift.bootstrap;
