/** Looks up the facts the domain's access rules need and turns them into a standing. */
package io.hooklift.application.access;
