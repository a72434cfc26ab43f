/**
 * The web console's session: logging in and out over the API, the session cookie as a second way to
 * authenticate API requests (resolving to the same actor as Basic credentials), the CSRF token
 * changes need, and the refusal of cross-origin changes.
 */
package io.hooklift.adapter.rest.session;
