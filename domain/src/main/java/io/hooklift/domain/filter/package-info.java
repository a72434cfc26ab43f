/**
 * Registry-native filters on a subscription: tag globs, platforms, manifest media and artifact
 * types, re-pushes and scan severity, evaluated per event at fan-out after the index has matched
 * type and key.
 */
package io.hooklift.domain.filter;
