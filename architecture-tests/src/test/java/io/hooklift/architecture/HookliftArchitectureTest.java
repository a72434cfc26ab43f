package io.hooklift.architecture;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture of docs/architecture.md over the production classes of every module. The rules
 * themselves are in {@link HookliftRules}; {@link RulesCanFailTest} shows that each one fails on a
 * violation.
 */
@AnalyzeClasses(packages = "io.hooklift", importOptions = DoNotIncludeTests.class)
class HookliftArchitectureTest {

  private static final HookliftRules RULES = HookliftRules.under("io.hooklift");

  // Module table: who may depend on whom, and on which libraries.

  @ArchTest
  static final ArchRule modules_depend_on_each_other_only_as_the_module_table_allows =
      RULES.modulesDependOnEachOtherOnlyAsTheModuleTableAllows();

  @ArchTest
  static final ArchRule domain_depends_only_on_the_jdk = RULES.domainDependsOnlyOnTheJdk();

  @ArchTest
  static final ArchRule application_depends_only_on_the_domain_and_the_jdk =
      RULES.applicationDependsOnlyOnTheDomainAndTheJdk();

  @ArchTest
  static final ArchRule rest_adapter_depends_only_on_the_inner_hexagon_and_its_own_libraries =
      RULES.restAdapterDependsOnlyOnTheInnerHexagonAndItsOwnLibraries();

  @ArchTest
  static final ArchRule
      persistence_adapter_depends_only_on_the_inner_hexagon_and_its_own_libraries =
          RULES.persistenceAdapterDependsOnlyOnTheInnerHexagonAndItsOwnLibraries();

  @ArchTest
  static final ArchRule delivery_adapter_depends_only_on_the_inner_hexagon_and_its_own_libraries =
      RULES.deliveryAdapterDependsOnlyOnTheInnerHexagonAndItsOwnLibraries();

  // The inbound side of the hexagon.

  @ArchTest
  static final ArchRule rest_adapter_calls_use_cases_never_outbound_ports =
      RULES.restAdapterCallsUseCasesNeverOutboundPorts();

  @ArchTest
  static final ArchRule rest_adapter_sees_use_case_interfaces_not_their_implementations_or_wiring =
      RULES.restAdapterSeesUseCaseInterfacesNotTheirImplementationsOrWiring();

  @ArchTest
  static final ArchRule services_get_the_ports_they_use_not_the_outbound_ports_bag =
      RULES.servicesGetThePortsTheyUseNotTheOutboundPortsBag();

  @ArchTest
  static final ArchRule outbound_ports_depend_only_on_the_domain_and_each_other =
      RULES.outboundPortsDependOnlyOnTheDomainAndEachOther();

  // Frameworks stay in their adapter.

  @ArchTest
  static final ArchRule jpa_and_hibernate_stay_in_the_persistence_adapter =
      RULES.jpaAndHibernateStayInThePersistenceAdapter();

  @ArchTest
  static final ArchRule jax_rs_and_jersey_stay_in_the_rest_adapter_and_bootstrap =
      RULES.jaxRsAndJerseyStayInTheRestAdapterAndBootstrap();

  // Time.

  @ArchTest
  static final ArchRule domain_and_application_never_read_the_system_clock =
      RULES.domainAndApplicationNeverReadTheSystemClock();

  // Naming.

  @ArchTest
  static final ArchRule jax_rs_resources_are_named_resource_and_live_in_the_rest_adapter =
      RULES.jaxRsResourcesAreNamedResourceAndLiveInTheRestAdapter();

  @ArchTest
  static final ArchRule jpa_entities_are_named_jpa_entity_and_are_package_private =
      RULES.jpaEntitiesAreNamedJpaEntityAndArePackagePrivate();

  // Packages by feature.

  @ArchTest
  static final ArchRule feature_packages_within_a_module_are_free_of_cycles =
      RULES.featurePackagesWithinAModuleAreFreeOfCycles();
}
