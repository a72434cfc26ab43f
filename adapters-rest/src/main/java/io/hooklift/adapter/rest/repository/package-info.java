/** Registry repositories: create, list, read, change, delete, and team access levels. */
package io.hooklift.adapter.rest.repository;
