package io.hooklift.bootstrap;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * HotSpot's diagnostic commands (what {@code jcmd} runs), called from inside the process through
 * their MBean: the native heap trim and the compiler directive use them, so no launch flag has to
 * be remembered.
 */
final class DiagnosticCommands {

  private static final String NAME = "com.sun.management:type=DiagnosticCommand";

  private DiagnosticCommands() {}

  /** False on a JVM without the MBean (not HotSpot, or management left out). */
  static boolean available() {
    try {
      return server().isRegistered(new ObjectName(NAME));
    } catch (JMException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Runs one command by its MBean operation name ({@code Compiler.directives_add} is {@code
   * compilerDirectivesAdd}) and returns what it printed, stripped. The arguments are joined into
   * one command line, so one with spaces must come quoted.
   */
  static String run(String operation, String... args) throws JMException {
    Object out =
        server()
            .invoke(
                new ObjectName(NAME),
                operation,
                new Object[] {args},
                new String[] {String[].class.getName()});
    return String.valueOf(out).strip();
  }

  private static MBeanServer server() {
    return ManagementFactory.getPlatformMBeanServer();
  }
}
