package io.hooklift.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every rule of {@link HookliftArchitectureTest}, applied to the fixture {@code
 * io.hooklift.archfixture}, reports exactly the fixture's deliberate violations and none of its
 * compliant classes. A rule that could never fail (buckpal's lesson) fails here instead.
 */
class RulesCanFailTest {

  private static final String FIXTURE = "io.hooklift.archfixture";
  private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(FIXTURE);
  private static final HookliftRules RULES = HookliftRules.under(FIXTURE);

  @Test
  void module_table_rule_reports_inward_sideways_and_bootstrap_dependencies_and_stray_classes() {
    List<String> details =
        violationsOf(
            RULES.modulesDependOnEachOtherOnlyAsTheModuleTableAllows(),
            "domain.leak.DomainSeesApplication",
            "application.leak.ApplicationSeesRest",
            "adapter.rest.leak.RestSeesPersistence",
            "adapter.delivery.leak.DeliverySeesRest",
            "adapter.persistence.leak.PersistenceSeesBootstrap",
            "stray.Stray");
    assertThat(String.join("\n", details)).contains("not contained in architecture");
  }

  @Test
  void domain_rule_reports_a_dependency_outside_java_even_on_the_jdk() {
    violationsOf(
        RULES.domainDependsOnlyOnTheJdk(),
        "domain.leak.DomainSeesApplication",
        "domain.leak.DomainUsesJavaxCrypto");
  }

  @Test
  void application_rule_reports_libraries_and_adapters() {
    violationsOf(
        RULES.applicationDependsOnlyOnTheDomainAndTheJdk(),
        "application.leak.ApplicationSeesRest",
        "application.leak.ApplicationUsesSlf4j",
        "application.leak.ApplicationUsesJaxRs");
  }

  @Test
  void rest_adapter_rule_reports_another_adapter_and_a_foreign_library() {
    violationsOf(
        RULES.restAdapterDependsOnlyOnTheInnerHexagonAndItsOwnLibraries(),
        "adapter.rest.leak.RestSeesPersistence",
        "adapter.rest.leak.RestUsesHikari");
  }

  @Test
  void persistence_adapter_rule_reports_bootstrap_and_a_foreign_library() {
    violationsOf(
        RULES.persistenceAdapterDependsOnlyOnTheInnerHexagonAndItsOwnLibraries(),
        "adapter.persistence.leak.PersistenceSeesBootstrap",
        "adapter.persistence.leak.PersistenceUsesJackson");
  }

  @Test
  void delivery_adapter_rule_reports_another_adapter_and_a_foreign_library() {
    violationsOf(
        RULES.deliveryAdapterDependsOnlyOnTheInnerHexagonAndItsOwnLibraries(),
        "adapter.delivery.leak.DeliverySeesRest",
        "adapter.delivery.leak.DeliveryUsesHikari");
  }

  @Test
  void outbound_port_rule_reports_a_port_but_not_the_paging_records() {
    List<String> details =
        violationsOf(
            RULES.restAdapterCallsUseCasesNeverOutboundPorts(),
            "adapter.rest.leak.ResourceUsesOutboundPort");
    assertThat(details).anyMatch(line -> line.contains("application.port.Things"));
    // Returning a Page and building a PageRequest are allowed: no line has them as its target.
    assertThat(details)
        .noneMatch(
            line -> line.matches(".*<" + FIXTURE + "\\.application\\.port\\.Page(Request)?[>.].*"));
  }

  @Test
  void use_case_implementation_rule_reports_a_service() {
    violationsOf(
        RULES.restAdapterSeesUseCaseInterfacesNotTheirImplementationsOrWiring(),
        "adapter.rest.leak.ResourceUsesService");
  }

  @Test
  void ports_bag_rule_reports_a_service_that_takes_the_bag_but_not_the_assembly() {
    violationsOf(
        RULES.servicesGetThePortsTheyUseNotTheOutboundPortsBag(),
        "application.bag.ServiceTakesTheBag");
  }

  @Test
  void outbound_port_dependency_rule_reports_a_port_that_returns_a_use_case_type() {
    violationsOf(
        RULES.outboundPortsDependOnlyOnTheDomainAndEachOther(),
        "application.port.ProbeWithUseCaseResult");
  }

  @Test
  void jpa_rule_reports_hibernate_even_in_bootstrap() {
    violationsOf(
        RULES.jpaAndHibernateStayInThePersistenceAdapter(),
        "bootstrap.leak.BootstrapUsesHibernate");
  }

  @Test
  void jax_rs_rule_reports_the_application_but_not_bootstrap() {
    violationsOf(
        RULES.jaxRsAndJerseyStayInTheRestAdapterAndBootstrap(),
        "application.leak.ApplicationUsesJaxRs");
  }

  @Test
  void clock_rule_reports_each_way_of_reading_the_system_clock_but_not_now_of_a_passed_clock() {
    List<String> details =
        violationsOf(
            RULES.domainAndApplicationNeverReadTheSystemClock(),
            "domain.leak.DomainReadsTheClock",
            "application.leak.ApplicationReadsTheClock");
    assertThat(details)
        .hasSize(8)
        .anyMatch(line -> line.contains("Instant.now()"))
        .anyMatch(line -> line.contains("LocalDateTime.now()"))
        .anyMatch(line -> line.contains("System.currentTimeMillis()"))
        .anyMatch(line -> line.contains("Clock.systemUTC()"))
        .anyMatch(line -> line.contains("Clock.systemDefaultZone()"))
        .anyMatch(line -> line.contains("ZonedDateTime.now(java.time.ZoneId)"))
        .anyMatch(line -> line.contains("Date.<init>()"))
        .noneMatch(line -> line.contains("fromPassedClock"));
  }

  @Test
  void resource_naming_rule_reports_a_misnamed_and_a_misplaced_resource() {
    violationsOf(
        RULES.jaxRsResourcesAreNamedResourceAndLiveInTheRestAdapter(),
        "adapter.rest.leak.Things",
        "bootstrap.leak.StatusResource");
  }

  @Test
  void entity_naming_rule_reports_public_and_misnamed_entities() {
    List<String> details =
        violationsOf(
            RULES.jpaEntitiesAreNamedJpaEntityAndArePackagePrivate(),
            "adapter.persistence.leak.PublicThingEntity",
            "adapter.persistence.leak.PublicThingJpaEntity");
    assertThat(details).hasSize(3);
  }

  @Test
  void cycle_rule_reports_two_feature_packages_that_use_each_other() {
    List<String> details = violationsOf(RULES.featurePackagesWithinAModuleAreFreeOfCycles());
    assertThat(String.join("\n", details))
        .contains("domain.cyclea", "domain.cycleb", "Egg", "Chicken");
    assertThat(details).hasSize(1);
  }

  /**
   * Evaluates the rule on the fixture, asserts that it fails, that every expected class is reported
   * and that nothing else is. Returns the report lines.
   */
  private static List<String> violationsOf(ArchRule rule, String... expectedViolators) {
    EvaluationResult result = rule.evaluate(CLASSES);
    assertThat(result.hasViolation()).as("%s has a violation", rule.getDescription()).isTrue();
    List<String> details = result.getFailureReport().getDetails();
    List<String> violators =
        Arrays.stream(expectedViolators).map(name -> FIXTURE + "." + name).toList();
    for (String violator : violators) {
      assertThat(details)
          .as("report of %s", rule.getDescription())
          .anyMatch(line -> mentions(line, violator));
    }
    if (!violators.isEmpty()) {
      assertThat(details)
          .as("report of %s names nothing but %s", rule.getDescription(), violators)
          .allMatch(line -> violators.stream().anyMatch(violator -> mentions(line, violator)));
    }
    return details;
  }

  /** The line reports the class itself (or a member of it), not a namesake with a longer name. */
  private static boolean mentions(String line, String className) {
    return line.matches("(?s).*" + Pattern.quote(className) + "[^A-Za-z0-9_].*");
  }
}
