package io.hooklift.application.contract;

import static io.hooklift.application.contract.ContractFixtures.at;
import static io.hooklift.application.contract.ContractFixtures.unusualSettings;
import static org.assertj.core.api.Assertions.assertThat;

import io.hooklift.application.port.Events;
import io.hooklift.application.port.StoredEvent;
import io.hooklift.domain.account.AccountType;
import io.hooklift.domain.event.Event;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.event.ImageContents;
import io.hooklift.domain.event.RepositoryEventContents;
import io.hooklift.domain.event.ScannerUpdateContents;
import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.repository.CodeRepository;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Events} promises: the envelope comes back exactly as rendered, and {@code
 * originKey} is the origin's {@code ns/repo} text, or {@code ""} for a global event.
 */
public abstract class EventsContractTest extends PortContractTest {

  private StoredEvent appendAndRead(Event event) {
    unitOfWork().run(() -> events().append(event));
    return unitOfWork().inTransaction(() -> events().byId(event.id())).orElseThrow();
  }

  @Test
  void givenTagPush_byId_returnsTypeOriginCreatedAtAndTheExactEnvelope() {
    ImageContents contents =
        new ImageContents(
            "team-ü",
            "app",
            Optional.of("v1.0 ✓"),
            "sha256:abc",
            "registry.example.com/acme/app:v1.0",
            "linux",
            "amd64",
            "Zoë \"quoted\" \\ \n",
            ImageContents.ImageAction.PUSHED,
            at(5));
    Event event =
        new Event(
            UUID.randomUUID(),
            EventType.TAG_PUSH,
            Optional.of(RepositoryPath.of("acme", "app")),
            at(42),
            contents,
            "https://registry.example.com/v2/acme/app/manifests/v1.0");

    StoredEvent stored = appendAndRead(event);

    assertThat(stored.id()).isEqualTo(event.id());
    assertThat(stored.type()).isEqualTo(EventType.TAG_PUSH);
    assertThat(stored.originKey()).isEqualTo("acme/app");
    assertThat(stored.createdAt()).isEqualTo(at(42));
    assertThat(stored.envelopeJson()).isEqualTo(event.envelopeJson());
  }

  @Test
  void givenLargeRepositoryEvent_byId_returnsTheWholeEnvelope() {
    CodeRepository repository =
        new CodeRepository(
            UUID.randomUUID(),
            RepositoryPath.of("acme", "big"),
            AccountType.ORGANIZATION,
            unusualSettings(),
            7,
            9);
    Event event =
        new Event(
            UUID.randomUUID(),
            EventType.REPO_UPDATED,
            Optional.of(repository.path()),
            at(1),
            new RepositoryEventContents(EventType.REPO_UPDATED, "alice", repository),
            "");

    StoredEvent stored = appendAndRead(event);

    assertThat(stored.envelopeJson()).hasSizeGreaterThan(16_384).isEqualTo(event.envelopeJson());
    assertThat(stored.originKey()).isEqualTo("acme/big");
    assertThat(stored.type()).isEqualTo(EventType.REPO_UPDATED);
  }

  @Test
  void givenGlobalEvent_byId_hasEmptyOriginKey() {
    ScannerUpdateContents contents =
        new ScannerUpdateContents(
            "2.1",
            at(1),
            77,
            at(2),
            true,
            Map.of(
                "replica-b", new ScannerUpdateContents.ReplicaUpdate(at(3), "2.1", "replica-b")));
    Event event =
        new Event(
            UUID.randomUUID(),
            EventType.SCANNER_UPDATE_COMPLETED,
            Optional.empty(),
            at(9),
            contents,
            "");

    StoredEvent stored = appendAndRead(event);

    assertThat(stored.originKey()).isEmpty();
    assertThat(stored.envelopeJson()).isEqualTo(event.envelopeJson());
    assertThat(stored.createdAt()).isEqualTo(at(9));
  }

  @Test
  void givenUnknownId_byId_isEmpty() {
    assertThat(unitOfWork().inTransaction(() -> events().byId(UUID.randomUUID()))).isEmpty();
  }
}
