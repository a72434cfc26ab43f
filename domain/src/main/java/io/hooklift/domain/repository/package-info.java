/**
 * Registry repositories ({@code CodeRepository}, to keep clear of the persistence sense of the
 * word).
 */
package io.hooklift.domain.repository;
