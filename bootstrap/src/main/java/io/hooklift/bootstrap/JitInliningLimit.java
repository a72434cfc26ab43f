package io.hooklift.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.management.JMException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the JIT compiler not to inline H2 into compilations of the persistence adapter's own
 * methods (a directive applies to the method a compilation starts from). Compiling the intake's
 * batch insert with H2's whole insert path inlined into it took the C2 compiler about 200 MB of C
 * memory for a few seconds, which is where the resident set's spikes to 700 MB came from
 * (docs/performance.md, "Where the resident set's spikes came from"). H2's methods are still
 * compiled, each as its own unit, as every other caller of them gets them.
 *
 * <p>A compiler directive (JDK 9's compiler control), added through the {@code
 * Compiler.directives_add} diagnostic command from inside, so no launch flag has to be remembered.
 * The command reads a file, so the directive is written to a temporary one first. On a JVM without
 * the command nothing happens.
 */
final class JitInliningLimit {

  private static final Logger log = LoggerFactory.getLogger(JitInliningLimit.class);
  private static final String OPERATION = "compilerDirectivesAdd";

  /** Matches the compiled method; its inline rule applies to everything inlined into it. */
  static final String DIRECTIVE =
      "[{ match: \"io/hooklift/adapter/persistence/*.*\", c2: { inline: \"-org/h2/*.*\" } }]";

  private static boolean added;

  private JitInliningLimit() {}

  /**
   * Adds the directive once per JVM (each call of the command would stack another copy). Returns
   * what the JVM answered, for example "1 compiler directives added"; never throws.
   */
  static synchronized Optional<String> add() {
    if (added) {
      return Optional.empty();
    }
    Path file = null;
    try {
      if (!DiagnosticCommands.available()) {
        log.debug("No diagnostic commands on this JVM: no compiler directive added");
        return Optional.empty();
      }
      file = Files.createTempFile("hooklift-compiler-directive", ".json");
      Files.writeString(file, DIRECTIVE);
      String report = DiagnosticCommands.run(OPERATION, "\"" + file + "\"");
      added = report.startsWith("1 ");
      if (added) {
        log.debug("Compiler directive: {}", report);
      } else {
        log.warn("The JIT compiler refused Hooklift's directive: {}", report);
      }
      return Optional.of(report);
    } catch (JMException | IOException | RuntimeException e) {
      log.warn("The compiler directive could not be added: {}", e.toString());
      return Optional.empty();
    } finally {
      deleteQuietly(file);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a few bytes in the temporary directory
      }
    }
  }
}
