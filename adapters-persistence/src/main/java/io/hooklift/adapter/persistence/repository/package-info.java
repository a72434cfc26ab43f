/** Registry repositories and the access levels teams are granted on them. */
package io.hooklift.adapter.persistence.repository;
