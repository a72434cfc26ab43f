/**
 * The MSR-compatible REST API on Jersey: {@link io.hooklift.adapter.rest.RestApi} builds the
 * application; sub-packages hold resources by feature, security, error mapping and JSON setup.
 */
package io.hooklift.adapter.rest;
