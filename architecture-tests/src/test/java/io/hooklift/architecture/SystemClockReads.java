package io.hooklift.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Calls that read the wall clock of the machine instead of a {@link Clock} passed in. */
final class SystemClockReads {

  private static final Set<String> JAVA_TIME_WITH_NOW =
      Set.of(
          "java.time.Instant",
          "java.time.LocalDate",
          "java.time.LocalDateTime",
          "java.time.LocalTime",
          "java.time.OffsetDateTime",
          "java.time.OffsetTime",
          "java.time.ZonedDateTime",
          "java.time.Year",
          "java.time.YearMonth",
          "java.time.MonthDay");

  private SystemClockReads() {}

  /**
   * {@code X.now()} and {@code X.now(ZoneId)} of java.time (but not {@code now(Clock)}), {@code
   * System.currentTimeMillis()}, {@code Clock.system*()}, {@code new java.util.Date()}.
   */
  static DescribedPredicate<JavaCodeUnitAccess<?>> anyOf() {
    return DescribedPredicate.describe(
        "reads the system clock (X.now(), X.now(ZoneId), System.currentTimeMillis(), Clock.system*(), new Date())",
        access -> {
          String owner = access.getTargetOwner().getName();
          String name = access.getTarget().getName();
          List<String> parameters =
              access.getTarget().getRawParameterTypes().stream().map(JavaClass::getName).toList();
          if (access instanceof JavaMethodCall) {
            return (JAVA_TIME_WITH_NOW.contains(owner)
                    && name.equals("now")
                    && !parameters.contains(Clock.class.getName()))
                || (owner.equals("java.lang.System") && name.equals("currentTimeMillis"))
                || (owner.equals("java.time.Clock") && name.startsWith("system"));
          }
          return access instanceof JavaConstructorCall
              && owner.equals("java.util.Date")
              && parameters.isEmpty();
        });
  }
}
