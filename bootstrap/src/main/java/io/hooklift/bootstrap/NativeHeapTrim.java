package io.hooklift.bootstrap;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the C heap's free memory back to the operating system now and then. glibc gives each busy
 * thread a malloc arena of its own and keeps what was freed in it: under steady load that was about
 * 200 MB of a 660 MB resident set (docs/performance.md, "Memory while running"). The JVM can trim
 * (the {@code System.trim_native_heap} diagnostic command, what {@code -XX:TrimNativeHeapInterval}
 * runs on a timer); calling it from inside means no launch flag or environment variable has to be
 * remembered. On a JVM or C library without it, nothing happens.
 */
final class NativeHeapTrim {

  private static final Logger log = LoggerFactory.getLogger(NativeHeapTrim.class);
  private static final String OPERATION = "systemTrimNativeHeap";

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final Optional<ObjectName> commands = diagnosticCommands(server);
  private volatile boolean unavailable;

  /**
   * What the JVM reported, for example "Trim native heap: RSS+Swap: 650M->470M (-180M)". Never
   * throws, so a scheduler can run it as it is.
   */
  Optional<String> trim() {
    if (commands.isEmpty() || unavailable) {
      return Optional.empty();
    }
    try {
      Object out =
          server.invoke(
              commands.get(),
              OPERATION,
              new Object[] {new String[0]},
              new String[] {String[].class.getName()});
      String report = String.valueOf(out).strip();
      log.debug("{}", report);
      return Optional.of(report);
    } catch (JMException | RuntimeException e) {
      unavailable = true; // an older JVM: its diagnostic commands lack the trim
      log.debug("Trimming the native heap is not available: {}", e.toString());
      return Optional.empty();
    }
  }

  private static Optional<ObjectName> diagnosticCommands(MBeanServer server) {
    try {
      ObjectName name = new ObjectName("com.sun.management:type=DiagnosticCommand");
      return server.isRegistered(name) ? Optional.of(name) : Optional.empty();
    } catch (JMException e) {
      return Optional.empty();
    }
  }
}
