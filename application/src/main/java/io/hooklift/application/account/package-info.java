/**
 * Accounts, organizations with their members and teams, and personal access tokens (one use-case
 * port each, as the REST resources are cut); authentication; and {@code FirstStart}, which creates
 * the initial admin outside any use case.
 */
package io.hooklift.application.account;
