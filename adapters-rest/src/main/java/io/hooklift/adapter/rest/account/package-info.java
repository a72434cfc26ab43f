/** Accounts (users and organizations), organization members, teams and personal access tokens. */
package io.hooklift.adapter.rest.account;
