/** {@code POST /api/v0/registry/notifications}: a Distribution registry's notification endpoint. */
package io.hooklift.adapter.rest.registry;
