/** Accounts, organization memberships, teams and access tokens as tables. */
package io.hooklift.adapter.persistence.account;
