package io.hooklift.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.application.account.PasswordHashing;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

  @TempDir Path dir;

  @Test
  void givenNothing_defaultsMatchTheReadme() {
    Settings settings = Settings.from(Map.of());

    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.bind()).isEqualTo("0.0.0.0");
    assertThat(settings.dataDir()).isEqualTo(Path.of("data"));
    assertThat(settings.embeddedDatabase()).isTrue();
    assertThat(settings.dbPoolSize()).isEmpty();
    assertThat(settings.adminPassword()).isEmpty();
    assertThat(settings.passwordIterations()).isEqualTo(PasswordHashing.DEFAULT_ITERATIONS);
    assertThat(settings.maxBodyBytes()).isEqualTo(65_536);
    assertThat(settings.egressAllow()).isEmpty();
    assertThat(settings.retrySchedule())
        .containsExactly(
            Duration.ZERO,
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10));
    assertThat(settings.registryToken()).isEmpty();
    assertThat(settings.registryUrl()).isEmpty();
  }

  @Test
  void givenNoInstanceId_eachStartGetsTheHostNameAndADifferentSuffix_textLogs_noAccessLog() {
    Settings first = Settings.from(Map.of());
    Settings second = Settings.from(Map.of());

    assertThat(first.instanceId()).matches("[a-z0-9][a-z0-9.-]*-[0-9a-f]{8}");
    assertThat(first.instanceId()).isNotEqualTo(second.instanceId());
    assertThat(first.jsonLogs()).isFalse();
    assertThat(first.accessLog()).isFalse();
  }

  @Test
  void givenOperatorSettings_instanceIdLogFormatAndAccessLogAreRead_badValuesNamed() {
    Settings settings =
        Settings.from(
            Map.of(
                "HOOKLIFT_INSTANCE_ID", "hooklift-2.eu",
                "HOOKLIFT_LOG_FORMAT", "JSON",
                "HOOKLIFT_ACCESS_LOG", "true"));

    assertThat(settings.instanceId()).isEqualTo("hooklift-2.eu");
    assertThat(settings.jsonLogs()).isTrue();
    assertThat(settings.accessLog()).isTrue();
    assertThat(settings.toString()).contains("instanceId=hooklift-2.eu", "logFormat=json");
    assertThatThrownBy(() -> Settings.from(Map.of("HOOKLIFT_INSTANCE_ID", "a b\"c")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("HOOKLIFT_INSTANCE_ID");
    assertThatThrownBy(() -> Settings.from(Map.of("HOOKLIFT_LOG_FORMAT", "xml")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("HOOKLIFT_LOG_FORMAT");
  }

  @Test
  void givenEveryVariable_eachIsParsed() {
    Settings settings =
        Settings.from(
            Map.ofEntries(
                Map.entry("HOOKLIFT_PORT", "0"),
                Map.entry("HOOKLIFT_BIND", "127.0.0.1"),
                Map.entry("HOOKLIFT_DATA_DIR", "/var/lib/hooklift"),
                Map.entry("HOOKLIFT_DB_URL", "jdbc:postgresql://db:5432/hooklift"),
                Map.entry("HOOKLIFT_DB_USER", "hooklift"),
                Map.entry("HOOKLIFT_DB_PASSWORD", "pw"),
                Map.entry("HOOKLIFT_DB_POOL_SIZE", "20"),
                Map.entry("HOOKLIFT_ADMIN_PASSWORD", "s3cret"),
                Map.entry("HOOKLIFT_PASSWORD_ITERATIONS", "1000"),
                Map.entry("HOOKLIFT_MAX_BODY_BYTES", "131072"),
                Map.entry("HOOKLIFT_EGRESS_ALLOW", "127.0.0.0/8, fd00::/8"),
                Map.entry("HOOKLIFT_RETRY_SCHEDULE", "0s,500ms,1m,1d"),
                Map.entry("HOOKLIFT_REGISTRY_TOKEN", "tok"),
                Map.entry("HOOKLIFT_REGISTRY_URL", "http://127.0.0.1:5000"),
                Map.entry("HOOKLIFT_REGISTRY_HOST", "registry.example.com"),
                Map.entry("HOOKLIFT_REGISTRY_USER", "reader"),
                Map.entry("HOOKLIFT_REGISTRY_PASSWORD", "rpw")));

    assertThat(settings.port()).isZero();
    assertThat(settings.bind()).isEqualTo("127.0.0.1");
    assertThat(settings.dataDir()).isEqualTo(Path.of("/var/lib/hooklift"));
    assertThat(settings.embeddedDatabase()).isFalse();
    assertThat(settings.dbUrl()).contains("jdbc:postgresql://db:5432/hooklift");
    assertThat(settings.dbUser()).contains("hooklift");
    assertThat(settings.dbPassword()).contains("pw");
    assertThat(settings.dbPoolSize()).hasValue(20);
    assertThat(settings.adminPassword()).contains("s3cret");
    assertThat(settings.passwordIterations()).isEqualTo(1000);
    assertThat(settings.maxBodyBytes()).isEqualTo(131_072);
    assertThat(settings.egressAllow()).containsExactly("127.0.0.0/8", "fd00::/8");
    assertThat(settings.retrySchedule())
        .containsExactly(
            Duration.ZERO, Duration.ofMillis(500), Duration.ofMinutes(1), Duration.ofDays(1));
    assertThat(settings.registryToken()).contains("tok");
    assertThat(settings.registryUrl()).contains(URI.create("http://127.0.0.1:5000"));
    assertThat(settings.registryHost()).contains("registry.example.com");
    assertThat(settings.registryUser()).contains("reader");
    assertThat(settings.registryPassword()).contains("rpw");
  }

  @Test
  void givenConfigFile_environmentWinsAndFileFillsTheRest() throws Exception {
    Path file = dir.resolve("hooklift.properties");
    Files.writeString(
        file,
        "# comment\nHOOKLIFT_PORT=9090\nHOOKLIFT_DATA_DIR=/srv/from-file\nHOOKLIFT_DB_POOL_SIZE=\n");

    Settings settings =
        Settings.from(Map.of("HOOKLIFT_CONFIG", file.toString(), "HOOKLIFT_PORT", "7070"));

    assertThat(settings.port()).isEqualTo(7070);
    assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/from-file"));
    assertThat(settings.dbPoolSize()).isEmpty();
  }

  @Test
  void givenMissingConfigFile_failsNamingHookliftConfig() {
    assertThatThrownBy(
            () ->
                Settings.from(Map.of("HOOKLIFT_CONFIG", dir.resolve("nope.properties").toString())))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> assertThat(e.variable()).isEqualTo("HOOKLIFT_CONFIG"))
        .hasMessageContaining("nope.properties");
  }

  @Test
  void deliveryLease_defaultsToAMinuteAndTakesOneDuration() {
    assertThat(Settings.from(Map.of()).deliveryLease()).isEqualTo(java.time.Duration.ofSeconds(60));
    assertThat(Settings.from(Map.of("HOOKLIFT_DELIVERY_LEASE", "5s")).deliveryLease())
        .isEqualTo(java.time.Duration.ofSeconds(5));
    assertThatThrownBy(() -> Settings.from(Map.of("HOOKLIFT_DELIVERY_LEASE", "5s,6s")))
        .hasMessageContaining("HOOKLIFT_DELIVERY_LEASE");
  }

  @Test
  void givenEmptyValue_treatsItAsUnset() {
    assertThat(Settings.from(Map.of("HOOKLIFT_PORT", " ", "HOOKLIFT_DB_URL", "")).port())
        .isEqualTo(8080);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "HOOKLIFT_PORT|eighty",
        "HOOKLIFT_PORT|65536",
        "HOOKLIFT_PORT|-1",
        "HOOKLIFT_DB_POOL_SIZE|0",
        "HOOKLIFT_PASSWORD_ITERATIONS|1.5",
        "HOOKLIFT_MAX_BODY_BYTES|10",
        "HOOKLIFT_DB_URL|postgresql://db/hooklift",
        "HOOKLIFT_EGRESS_ALLOW|10.0.0.0",
        "HOOKLIFT_EGRESS_ALLOW|10.0.0.0/33",
        "HOOKLIFT_EGRESS_ALLOW|300.0.0.0/8",
        "HOOKLIFT_EGRESS_ALLOW|internal.example.com/8",
        "HOOKLIFT_RETRY_SCHEDULE|5 minutes",
        "HOOKLIFT_RETRY_SCHEDULE|0s,,5s",
        "HOOKLIFT_REGISTRY_URL|ftp://registry",
      })
  void givenBadValue_failsNamingTheVariable(String variable, String value) {
    assertThatThrownBy(() -> Settings.from(Map.of(variable, value)))
        .isInstanceOfSatisfying(
            InvalidSettingException.class, e -> assertThat(e.variable()).isEqualTo(variable))
        .hasMessageStartingWith(variable + ": ");
  }

  @Test
  void toString_hidesSecrets() {
    String text =
        Settings.from(
                Map.of(
                    "HOOKLIFT_DB_URL", "jdbc:postgresql://db/h?password=urlsecret",
                    "HOOKLIFT_DB_PASSWORD", "dbsecret",
                    "HOOKLIFT_ADMIN_PASSWORD", "adminsecret",
                    "HOOKLIFT_REGISTRY_TOKEN", "tokensecret",
                    "HOOKLIFT_REGISTRY_PASSWORD", "registrysecret",
                    "HOOKLIFT_SECRET_KEY", "c2VjcmV0a2V5c2VjcmV0a2V5c2VjcmV0a2V5c2VjcmU="))
            .toString();

    assertThat(text)
        .contains("jdbc:postgresql://db/h")
        .doesNotContain(
            "urlsecret",
            "dbsecret",
            "adminsecret",
            "tokensecret",
            "registrysecret",
            "c2VjcmV0a2V5c2VjcmV0a2V5c2VjcmV0a2V5c2VjcmU=");
  }
}
