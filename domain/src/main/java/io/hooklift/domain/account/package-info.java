/** Accounts (users and organizations), organization membership, teams, access levels and tokens. */
package io.hooklift.domain.account;
