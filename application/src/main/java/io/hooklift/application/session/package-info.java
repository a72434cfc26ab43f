/**
 * Web console sessions: logging in with the same credentials HTTP Basic takes, recognising the
 * session cookie as the same {@code Actor}, idle and absolute expiry, logging out.
 */
package io.hooklift.application.session;
