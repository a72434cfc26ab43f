/**
 * {@code POST /api/v0/registry/notifications}: a CNCF Distribution registry reports pushes, pulls
 * and deletes, and they become TAG_* and MANIFEST_* webhooks.
 */
package io.hooklift.application.registry;
