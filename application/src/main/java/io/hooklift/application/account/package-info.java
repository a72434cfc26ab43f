/** Accounts, organizations, teams, tokens, and authentication. */
package io.hooklift.application.account;
