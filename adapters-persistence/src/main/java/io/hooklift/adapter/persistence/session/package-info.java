/** Web console sessions in the shared database, so every instance recognises them. */
package io.hooklift.adapter.persistence.session;
