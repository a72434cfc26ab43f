package io.hooklift.application.session;

import java.util.Optional;

/**
 * Log in to the web console, recognise its session on later requests, log out. A session acts as
 * the same {@link io.hooklift.domain.access.Actor} that HTTP Basic credentials of that user would,
 * so every rule of the API applies to it unchanged.
 */
public interface SessionUseCases {

  /**
   * Checks the user name and password (or personal access token) exactly as HTTP Basic
   * authentication does, and opens a session.
   *
   * @throws io.hooklift.domain.shared.Unauthenticated when the credentials are wrong
   */
  default OpenedSession logIn(String username, String secret) {
    return logIn(username, secret, null);
  }

  /**
   * As {@link #logIn(String, String)}, throttled by the client's address as well as by the name,
   * exactly as HTTP Basic is.
   */
  OpenedSession logIn(String username, String secret, String clientAddress);

  /**
   * The session of this token, if it exists, has not been idle too long or lived too long, and its
   * account still exists. Records the activity.
   */
  Optional<ActiveSession> resume(String token);

  /** Ends the session; an unknown token is ignored. */
  void logOut(String token);
}
