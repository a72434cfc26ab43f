package io.hooklift.adapter.rest.session;

/** {@code POST /api/v0/sessions}: a user name and a password or personal access token. */
public record LoginRequest(String username, String password) {

  @Override
  public String toString() {
    return "LoginRequest[username=" + username + ", password=…]";
  }
}
