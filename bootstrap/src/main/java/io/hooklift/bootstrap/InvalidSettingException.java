package io.hooklift.bootstrap;

/**
 * A configuration value that cannot be used. Carries the variable's name so the operator sees in
 * one log line what to fix; it is reported without a stack trace because the trace would only bury
 * it.
 */
public final class InvalidSettingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String variable;

  public InvalidSettingException(String variable, String problem) {
    super(variable + ": " + problem);
    this.variable = variable;
  }

  public String variable() {
    return variable;
  }
}
