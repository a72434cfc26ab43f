/** Registry repositories and team access to them; changes emit REPO_* events. */
package io.hooklift.application.repository;
