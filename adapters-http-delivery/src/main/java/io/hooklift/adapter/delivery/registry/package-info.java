/**
 * The registry's v2 API as Hooklift asks it: which platforms a pushed manifest is built for ({@link
 * io.hooklift.application.port.RegistryApi}), over Apache HttpClient 5, manifests read with
 * Jackson.
 */
package io.hooklift.adapter.delivery.registry;
