package io.hooklift.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JitInliningLimitTest {

  /**
   * On the JDK Hooklift is built and shipped with, the directive parses and reaches the compiler's
   * directive stack, which then lists it; a second call adds no second copy.
   */
  @Test
  void add_putsTheDirectiveOnTheCompilersStackOnce() throws Exception {
    JitInliningLimit.add();
    String stack = printDirectives();
    assertThat(stack).contains("io/hooklift/adapter/persistence/*.*").contains("-org/h2/*.*");

    assertThat(JitInliningLimit.add()).isEmpty();
    assertThat(printDirectives().split("io/hooklift/adapter/persistence/", -1)).hasSize(2);
  }

  private static String printDirectives() throws Exception {
    return DiagnosticCommands.run("compilerDirectivesPrint");
  }
}
