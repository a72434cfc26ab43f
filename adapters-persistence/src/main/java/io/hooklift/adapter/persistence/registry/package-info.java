/**
 * The registry index: handled registry event ids, and the manifests and tags seen in notifications.
 */
package io.hooklift.adapter.persistence.registry;
