package io.hooklift.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules of docs/architecture.md that the Maven module graph cannot express, written over a
 * package root so that {@link HookliftArchitectureTest} applies them to {@code io.hooklift} and
 * {@link RulesCanFailTest} to the deliberately broken fixture under {@code
 * io.hooklift.archfixture}.
 *
 * <p>Every rule keeps ArchUnit's {@code failOnEmptyShould}: a renamed package makes it fail instead
 * of silently passing.
 */
final class HookliftRules {

  /**
   * The JDK as the domain may use it: {@code java..} only, no {@code javax}, no {@code jdk}/{@code
   * sun}.
   */
  private static final String[] JDK_CORE = {"java.."};

  /**
   * The application also hashes passwords with the JDK's {@code javax.crypto} (PasswordHashing).
   */
  private static final String[] JDK_FOR_APPLICATION = {"java..", "javax.crypto.."};

  /** JDK packages an adapter may reach for: collections and I/O, JDBC, TLS, crypto. */
  private static final String[] JDK_FOR_ADAPTERS = {
    "java..", "javax.crypto..", "javax.net..", "javax.security..", "javax.sql.."
  };

  /*
   * Each adapter's own libraries: the packages of what its pom.xml declares. Adding a library to an
   * adapter's pom means adding its packages here, on purpose; using a merely transitive library
   * (jakarta.xml.bind via Hibernate, hk2 internals, ...) fails.
   */
  private static final String[] REST_LIBRARIES = {
    "jakarta.ws.rs..",
    "jakarta.inject..",
    "jakarta.annotation..", // @Priority on filters; part of the JAX-RS contract
    "org.glassfish.jersey..",
    "org.glassfish.hk2..", // AbstractBinder: how Jersey injects the use cases into resources
    "com.fasterxml.jackson..",
    "org.mapstruct..",
    "org.slf4j..",
    "io.swagger.v3.."
  };

  private static final String[] PERSISTENCE_LIBRARIES = {
    "jakarta.persistence..",
    "org.hibernate..",
    "com.zaxxer.hikari..",
    "org.flywaydb..",
    "org.h2..",
    "org.postgresql..",
    "org.mapstruct..",
    "org.slf4j.."
  };

  /** Outbound HTTP: Apache HttpClient 5 behind resilience4j circuit breakers, JDK TLS and MACs. */
  private static final String[] DELIVERY_LIBRARIES = {
    "javax.net.ssl..",
    "javax.crypto..",
    "io.github.resilience4j..",
    "org.apache.hc..",
    "org.slf4j..",
    // reads registry manifests and image configs for the registry intake's platform look-ups
    "com.fasterxml.jackson.."
  };

  /**
   * Outbound-port package members an inbound adapter may see: value records, not ports; and the one
   * failure every port may raise (the database unreachable), which inbound adapters answer with
   * 503.
   */
  private static final List<String> PORT_VALUES_FOR_INBOUND_ADAPTERS =
      List.of("Page", "PageRequest", "ComponentHealth", "StoreUnavailableException");

  private final String root;

  private HookliftRules(String root) {
    this.root = root;
  }

  static HookliftRules under(String root) {
    return new HookliftRules(root);
  }

  // ---------------------------------------------------------------- module table

  /**
   * Domain → nothing; application → domain; each adapter → application and domain; bootstrap →
   * everything; nobody → bootstrap. Every class must belong to one of these modules, so a new
   * top-level package cannot escape the rules.
   */
  ArchRule modulesDependOnEachOtherOnlyAsTheModuleTableAllows() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Domain")
        .definedBy(domain())
        .layer("Application")
        .definedBy(application())
        .layer("REST adapter")
        .definedBy(rest())
        .layer("Persistence adapter")
        .definedBy(persistence())
        .layer("Delivery adapter")
        .definedBy(delivery())
        .layer("Bootstrap")
        .definedBy(bootstrap())
        .whereLayer("Domain")
        .mayNotAccessAnyLayer()
        .whereLayer("Application")
        .mayOnlyAccessLayers("Domain")
        .whereLayer("REST adapter")
        .mayOnlyAccessLayers("Application", "Domain")
        .whereLayer("Persistence adapter")
        .mayOnlyAccessLayers("Application", "Domain")
        .whereLayer("Delivery adapter")
        .mayOnlyAccessLayers("Application", "Domain")
        .whereLayer("Bootstrap")
        .mayNotBeAccessedByAnyLayer()
        // package-info holds documentation, not code; every other class must sit in a module.
        .ensureAllClassesAreContainedInArchitectureIgnoring(simpleName("package-info"))
        .as("modules depend on each other only as the module table allows");
  }

  ArchRule domainDependsOnlyOnTheJdk() {
    return classes()
        .that()
        .resideInAPackage(domain())
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(concat(JDK_CORE, domain()))
        .because("the domain is plain Java: no framework, no annotations from outside the JDK");
  }

  ArchRule applicationDependsOnlyOnTheDomainAndTheJdk() {
    return classes()
        .that()
        .resideInAPackage(application())
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(concat(JDK_FOR_APPLICATION, application(), domain()))
        .because("the application knows its adapters only through the ports it owns");
  }

  ArchRule restAdapterDependsOnlyOnTheInnerHexagonAndItsOwnLibraries() {
    return adapterDependsOnlyOnTheInnerHexagonAnd(rest(), REST_LIBRARIES);
  }

  ArchRule persistenceAdapterDependsOnlyOnTheInnerHexagonAndItsOwnLibraries() {
    return adapterDependsOnlyOnTheInnerHexagonAnd(persistence(), PERSISTENCE_LIBRARIES);
  }

  ArchRule deliveryAdapterDependsOnlyOnTheInnerHexagonAndItsOwnLibraries() {
    return adapterDependsOnlyOnTheInnerHexagonAnd(delivery(), DELIVERY_LIBRARIES);
  }

  private ArchRule adapterDependsOnlyOnTheInnerHexagonAnd(String adapter, String[] libraries) {
    return classes()
        .that()
        .resideInAPackage(adapter)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            concat(concat(JDK_FOR_ADAPTERS, adapter, application(), domain()), libraries))
        .because(
            "an adapter sees the application, the domain and the libraries its pom declares; never another adapter");
  }

  // ---------------------------------------------------------------- the hexagon's inbound side

  ArchRule restAdapterCallsUseCasesNeverOutboundPorts() {
    DescribedPredicate<JavaClass> outboundPorts =
        resideInAPackage(root + ".application.port..")
            .and(
                not(
                    nameMatching(
                        anyOf(root + ".application.port.", PORT_VALUES_FOR_INBOUND_ADAPTERS))))
            .as(
                "outbound ports (%s.application.port.. except %s)",
                root, PORT_VALUES_FOR_INBOUND_ADAPTERS);
    return noClasses()
        .that()
        .resideInAPackage(rest())
        .should()
        .dependOnClassesThat(outboundPorts)
        .because(
            "a primary adapter drives use cases; persistence, ids and transactions are the use case's business");
  }

  ArchRule restAdapterSeesUseCaseInterfacesNotTheirImplementationsOrWiring() {
    DescribedPredicate<JavaClass> implementationsAndWiring =
        resideInAPackage(application())
            .and(
                nameMatching(".*Service")
                    .or(
                        nameMatching(
                            anyOf(
                                root + ".application.",
                                List.of("ApplicationAssembly", "OutboundPorts")))))
            .as(
                "use case implementations (*Service) and the application's wiring (ApplicationAssembly, OutboundPorts)");
    return noClasses()
        .that()
        .resideInAPackage(rest())
        .should()
        .dependOnClassesThat(implementationsAndWiring)
        .because("resources are handed the *UseCases interfaces by the composition root");
  }

  /**
   * The composition root hands every outbound port over at once ({@code OutboundPorts}); only the
   * application's root package (its assembly) opens that bag. A service takes the ports it uses, so
   * its constructor says what it depends on.
   */
  ArchRule servicesGetThePortsTheyUseNotTheOutboundPortsBag() {
    return noClasses()
        .that()
        .resideInAPackage(root + ".application.*..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(root + ".application.OutboundPorts")
        .because("a service's constructor names the ports it uses");
  }

  /**
   * Outbound ports are what adapters implement; they speak in domain types and their own value
   * records, never in the types of a use case (which would tie every adapter to an inbound API).
   */
  ArchRule outboundPortsDependOnlyOnTheDomainAndEachOther() {
    return classes()
        .that()
        .resideInAPackage(root + ".application.port..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(concat(JDK_CORE, root + ".application.port..", domain()))
        .because(
            "an adapter implementing a port must not need the inbound side of the application");
  }

  // ---------------------------------------------------------------- libraries stay in their
  // adapter

  ArchRule jpaAndHibernateStayInThePersistenceAdapter() {
    return noClasses()
        .that()
        .resideOutsideOfPackage(persistence())
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
        .because("only the persistence adapter knows how things are stored");
  }

  ArchRule jaxRsAndJerseyStayInTheRestAdapterAndBootstrap() {
    return noClasses()
        .that()
        .resideOutsideOfPackages(rest(), bootstrap())
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.ws.rs..", "org.glassfish.jersey..")
        .because("HTTP serving is the REST adapter's job; bootstrap only starts the server");
  }

  // ---------------------------------------------------------------- time

  ArchRule domainAndApplicationNeverReadTheSystemClock() {
    return noClasses()
        .that()
        .resideInAnyPackage(domain(), application())
        .should()
        .callCodeUnitWhere(SystemClockReads.anyOf())
        .because("time comes from a Clock passed in, so that tests and retries control it");
  }

  // ---------------------------------------------------------------- naming (STYLE.md)

  ArchRule jaxRsResourcesAreNamedResourceAndLiveInTheRestAdapter() {
    return classes()
        .that()
        .areAnnotatedWith("jakarta.ws.rs.Path")
        .and()
        .resideInAPackage(root + "..")
        .should()
        .haveSimpleNameEndingWith("Resource")
        .andShould()
        .resideInAPackage(rest());
  }

  ArchRule jpaEntitiesAreNamedJpaEntityAndArePackagePrivate() {
    return classes()
        .that()
        .areAnnotatedWith("jakarta.persistence.Entity")
        .and()
        .resideInAPackage(root + "..")
        .should()
        .haveSimpleNameEndingWith("JpaEntity")
        .andShould()
        .notBePublic()
        .because(
            "entities are the persistence adapter's private storage shape; the rest of the code sees domain types");
  }

  // ---------------------------------------------------------------- packages by feature

  /**
   * Feature packages are the packages one level below a module's root ({@code domain.access},
   * {@code application.subscription}, {@code adapter.rest.subscription}, ...). Classes directly in
   * a module's root package (the application's {@code ApplicationAssembly} wires every feature)
   * belong to no feature and are left out.
   */
  ArchRule featurePackagesWithinAModuleAreFreeOfCycles() {
    return slices().assignedFrom(featurePackages()).should().beFreeOfCycles();
  }

  private SliceAssignment featurePackages() {
    List<String> modules =
        List.of(
            root + ".domain",
            root + ".application",
            root + ".adapter.rest",
            root + ".adapter.persistence",
            root + ".adapter.delivery",
            root + ".bootstrap");
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        for (String module : modules) {
          if (pkg.startsWith(module + ".")) {
            String feature = pkg.substring(module.length() + 1).split("\\.")[0];
            return SliceIdentifier.of(module.substring(root.length() + 1) + "." + feature);
          }
        }
        return SliceIdentifier.ignore();
      }

      @Override
      public String getDescription() {
        return "feature packages within each module under " + root;
      }
    };
  }

  // ---------------------------------------------------------------- packages

  private String domain() {
    return root + ".domain..";
  }

  private String application() {
    return root + ".application..";
  }

  private String rest() {
    return root + ".adapter.rest..";
  }

  private String persistence() {
    return root + ".adapter.persistence..";
  }

  private String delivery() {
    return root + ".adapter.delivery..";
  }

  private String bootstrap() {
    return root + ".bootstrap..";
  }

  private static String anyOf(String prefix, List<String> simpleNames) {
    return Pattern.quote(prefix) + "(" + String.join("|", simpleNames) + ")";
  }

  private static String[] concat(String[] packages, String... more) {
    return Stream.concat(Arrays.stream(packages), Arrays.stream(more)).toArray(String[]::new);
  }
}
