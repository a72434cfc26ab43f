package io.hooklift.bootstrap;

import java.util.Optional;
import javax.management.JMException;
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

  private volatile boolean unavailable = !DiagnosticCommands.available();

  /**
   * What the JVM reported, for example "Trim native heap: RSS+Swap: 650M->470M (-180M)". Never
   * throws, so a scheduler can run it as it is.
   */
  Optional<String> trim() {
    if (unavailable) {
      return Optional.empty();
    }
    try {
      String report = DiagnosticCommands.run(OPERATION);
      log.debug("{}", report);
      return Optional.of(report);
    } catch (JMException | RuntimeException e) {
      unavailable = true; // an older JVM: its diagnostic commands lack the trim
      log.debug("Trimming the native heap is not available: {}", e.toString());
      return Optional.empty();
    }
  }
}
