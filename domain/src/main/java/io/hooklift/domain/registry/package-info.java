/**
 * What a CNCF Distribution registry's notifications mean in MSR terms: which notifications are
 * image events, which are noise (blobs, mounts, HEAD requests, Hooklift's own look-ups), and the
 * TAG_* and MANIFEST_* contents they become. Pure functions; storage and look-ups live behind
 * ports.
 */
package io.hooklift.domain.registry;
