package io.hooklift.application.contract;

import static io.hooklift.application.contract.ContractFixtures.CERTIFICATE;
import static io.hooklift.application.contract.ContractFixtures.T0;
import static io.hooklift.application.contract.ContractFixtures.at;
import static io.hooklift.application.contract.ContractFixtures.subscription;
import static io.hooklift.application.contract.ContractFixtures.unusualSubscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hooklift.application.port.Page;
import io.hooklift.application.port.PageRequest;
import io.hooklift.application.port.Subscriptions;
import io.hooklift.application.port.Subscriptions.Selection;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.naming.NamespaceName;
import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.shared.InvalidInput;
import io.hooklift.domain.subscription.Endpoint;
import io.hooklift.domain.subscription.SigningSecret;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.SubscriptionChanges;
import io.hooklift.domain.subscription.SubscriptionId;
import io.hooklift.domain.subscription.TlsTrust;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Subscriptions} promises: every field kept, lists selected and paged in order.
 */
public abstract class SubscriptionsContractTest extends PortContractTest {

  private final UUID alice = UUID.randomUUID();
  private final UUID bob = UUID.randomUUID();

  private <T> T tx(java.util.function.Supplier<T> work) {
    return unitOfWork().inTransaction(work);
  }

  private void add(Subscription... subscriptions) {
    unitOfWork().run(() -> List.of(subscriptions).forEach(subscriptions()::add));
  }

  private Page<Subscription> list(Selection selection, PageRequest page) {
    return tx(() -> subscriptions().list(selection, page));
  }

  private static SubscriptionKey key(String text) {
    return SubscriptionKey.parse(text);
  }

  @Test
  void givenSubscriptionWithEveryFieldSet_byId_returnsItUnchanged() {
    Subscription unusual = unusualSubscription(alice);
    add(unusual);

    Subscription found = tx(() -> subscriptions().byId(unusual.id())).orElseThrow();

    assertThat(found).isEqualTo(unusual);
    assertThat(found.lastSuccessfulAt()).contains(at(123_456_789));
    assertThat(found.tlsTrust()).isEqualTo(CERTIFICATE);
    assertThat(found.secret().value()).isEqualTo(unusual.secret().value());
  }

  @Test
  void givenNewGlobalSubscription_byId_keepsTheEmptyParts() {
    Subscription global = subscription(new SubscriptionKey.Global(), alice, T0);
    add(global);

    Subscription found = tx(() -> subscriptions().byId(global.id())).orElseThrow();

    assertThat(found).isEqualTo(global);
    assertThat(found.key()).isEqualTo(new SubscriptionKey.Global());
    assertThat(found.lastSuccessfulAt()).isEmpty();
    assertThat(found.tlsTrust().isEmpty()).isTrue();
  }

  @Test
  void givenUnknownId_byId_isEmpty() {
    add(subscription(key("acme"), alice, T0));

    assertThat(tx(() -> subscriptions().byId(ContractFixtures.subscriptionId()))).isEmpty();
  }

  @Test
  void givenSubscription_update_keepsEveryChangedField() {
    Subscription original = subscription(key("acme/app"), alice, T0);
    add(original);
    Subscription changed =
        new Subscription(
            original.id(),
            original.type(),
            original.key(),
            new Endpoint("http://10.0.0.7:9000/hook"),
            original.authorId(),
            original.createdAt(),
            original.lastSuccessfulAt(),
            true,
            CERTIFICATE,
            true,
            SigningSecret.fromKey(new byte[] {7}),
            java.util.List.of(
                new io.hooklift.domain.subscription.RetiredSecret(original.secret(), at(5_000))));

    unitOfWork().run(() -> subscriptions().update(changed));
    assertThat(tx(() -> subscriptions().byId(original.id()))).contains(changed);

    Subscription revived =
        changed.change(
            new SubscriptionChanges(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(false)));
    unitOfWork().run(() -> subscriptions().update(revived));
    assertThat(tx(() -> subscriptions().byId(original.id()))).contains(revived);
  }

  @Test
  void givenSubscription_delete_removesItAndOnlyIt() {
    Subscription gone = subscription(key("acme"), alice, T0);
    Subscription kept = subscription(key("acme"), alice, at(1));
    add(gone, kept);

    unitOfWork().run(() -> subscriptions().delete(gone.id()));

    assertThat(tx(() -> subscriptions().byId(gone.id()))).isEmpty();
    assertThat(list(new Selection.All(), PageRequest.first(10)).items()).containsExactly(kept);
  }

  @Test
  void givenSubscriptionsAddedOutOfOrder_listAll_ordersByCreationThenId() {
    Subscription late = subscription(key("acme"), alice, at(2));
    Subscription early = subscription(key("acme/app"), bob, at(0));
    Subscription tieA = subscription(new SubscriptionKey.Global(), alice, at(1));
    Subscription tieB = subscription(key("other"), bob, at(1));
    add(late, tieB, early, tieA);
    List<Subscription> ties = new ArrayList<>(List.of(tieA, tieB));
    ties.sort(Comparator.comparing((Subscription s) -> s.id().value()));

    Page<Subscription> page = list(new Selection.All(), PageRequest.first(10));

    assertThat(page.items()).containsExactly(early, ties.get(0), ties.get(1), late);
    assertThat(page.nextPageStart()).isEmpty();
  }

  @Test
  void givenFiveSubscriptions_pagesOfTwo_walkThemAllInOrder() {
    List<Subscription> all = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      all.add(subscription(key("acme"), alice, at(i == 3 ? 2 : i))); // items 2 and 3 tie on time
    }
    add(all.toArray(Subscription[]::new));
    all.sort(Comparator.comparing(Subscription::createdAt).thenComparing(s -> s.id().value()));

    Page<Subscription> first = list(new Selection.All(), PageRequest.first(2));
    assertThat(first.items()).containsExactly(all.get(0), all.get(1));
    assertThat(first.nextPageStart()).contains(all.get(2).id().value());

    Page<Subscription> second =
        list(new Selection.All(), new PageRequest(first.nextPageStart(), 2));
    assertThat(second.items()).containsExactly(all.get(2), all.get(3));
    assertThat(second.nextPageStart()).contains(all.get(4).id().value());

    Page<Subscription> third =
        list(new Selection.All(), new PageRequest(second.nextPageStart(), 2));
    assertThat(third.items()).containsExactly(all.get(4));
    assertThat(third.nextPageStart()).isEmpty();
  }

  @Test
  void givenStartOutsideTheSelection_list_refusesItAsPageStart() {
    Subscription mine = subscription(key("acme"), alice, at(0));
    Subscription theirs = subscription(key("acme"), bob, at(1));
    add(mine, theirs);

    assertThatThrownBy(
            () ->
                list(
                    new Selection.ByAuthor(alice),
                    new PageRequest(Optional.of(theirs.id().value()), 2)))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.detail()).containsEntry("field", "pageStart"));
    assertThatThrownBy(
            () -> list(new Selection.All(), new PageRequest(Optional.of("f".repeat(64)), 2)))
        .isInstanceOf(InvalidInput.class);
  }

  @Test
  void givenExactlyOnePageOfItems_list_hasNoNextPage() {
    add(subscription(key("acme"), alice, at(0)), subscription(key("acme"), alice, at(1)));

    Page<Subscription> page = list(new Selection.All(), PageRequest.first(2));

    assertThat(page.items()).hasSize(2);
    assertThat(page.nextPageStart()).isEmpty();
  }

  @Test
  void givenSeveralAuthors_listByAuthor_returnsOnlyTheirs() {
    Subscription a1 = subscription(key("acme"), alice, at(0));
    Subscription b1 = subscription(key("acme"), bob, at(1));
    Subscription a2 = subscription(new SubscriptionKey.Global(), alice, at(2));
    add(a1, b1, a2);

    assertThat(list(new Selection.ByAuthor(alice), PageRequest.first(10)).items())
        .containsExactly(a1, a2);
    assertThat(list(new Selection.ByAuthor(UUID.randomUUID()), PageRequest.first(10)).items())
        .isEmpty();
  }

  @Test
  void givenKeysAroundARepository_listByRepository_returnsExactlyThatRepositorysKeys() {
    Subscription exact1 = subscription(key("acme/app"), alice, at(0));
    Subscription exact2 = subscription(key("acme/app"), bob, at(5));
    add(
        exact1,
        exact2,
        subscription(key("acme"), alice, at(1)),
        subscription(key("acme/app2"), alice, at(2)),
        subscription(key("acme-x/app"), alice, at(3)),
        subscription(new SubscriptionKey.Global(), alice, at(4)));

    Page<Subscription> page =
        list(new Selection.ByRepository(RepositoryPath.of("acme", "app")), PageRequest.first(10));

    assertThat(page.items()).containsExactly(exact1, exact2);
  }

  @Test
  void givenKeysInAndAroundANamespace_listByNamespace_returnsTheNamespaceAndItsRepositories() {
    Subscription onNamespace = subscription(key("acme"), alice, at(0));
    Subscription onRepository = subscription(key("acme/app"), bob, at(1));
    Subscription onOtherRepository = subscription(key("acme/web"), bob, at(4));
    add(
        onNamespace,
        onRepository,
        onOtherRepository,
        subscription(key("acme-x"), alice, at(2)),
        subscription(key("acmeco/app"), alice, at(3)),
        subscription(new SubscriptionKey.Global(), alice, at(5)));

    Page<Subscription> page =
        list(new Selection.ByNamespace(new NamespaceName("acme")), PageRequest.first(10));

    assertThat(page.items()).containsExactly(onNamespace, onRepository, onOtherRepository);
  }

  @Test
  void givenSelection_paging_staysInsideTheSelection() {
    Subscription a1 = subscription(key("acme"), alice, at(0));
    Subscription b1 = subscription(key("acme"), bob, at(1));
    Subscription a2 = subscription(key("acme"), alice, at(2));
    Subscription b2 = subscription(key("acme"), bob, at(3));
    Subscription a3 = subscription(key("acme"), alice, at(4));
    add(a1, b1, a2, b2, a3);

    Page<Subscription> first = list(new Selection.ByAuthor(alice), PageRequest.first(1));
    assertThat(first.items()).containsExactly(a1);
    assertThat(first.nextPageStart()).contains(a2.id().value());

    Page<Subscription> rest =
        list(new Selection.ByAuthor(alice), new PageRequest(first.nextPageStart(), 5));
    assertThat(rest.items()).containsExactly(a2, a3);
    assertThat(rest.nextPageStart()).isEmpty();
  }

  @Test
  void givenStartFromTheMiddle_list_beginsAtThatItem() {
    Subscription s0 = subscription(key("acme"), alice, at(0));
    Subscription s1 = subscription(key("acme"), alice, at(1));
    Subscription s2 = subscription(key("acme"), alice, at(2));
    add(s2, s0, s1);

    Page<Subscription> page =
        list(new Selection.All(), new PageRequest(Optional.of(s1.id().value()), 10));

    assertThat(page.items()).containsExactly(s1, s2);
    assertThat(page.items()).extracting(Subscription::id).doesNotContain(s0.id());
  }

  @Test
  void givenNoSubscriptions_list_isEmptyWithoutNextPage() {
    Page<Subscription> page = list(new Selection.All(), PageRequest.first(PageRequest.MAX_SIZE));

    assertThat(page.items()).isEmpty();
    assertThat(page.nextPageStart()).isEmpty();
  }

  // ---------------------------------------------------------------- ids: work on a whole selection

  private List<SubscriptionId> ids(Selection selection) {
    return tx(() -> subscriptions().ids(selection));
  }

  private static List<SubscriptionId> idOrder(Subscription... subscriptions) {
    return Stream.of(subscriptions)
        .map(Subscription::id)
        .sorted(Comparator.comparing(SubscriptionId::value))
        .toList();
  }

  @Test
  void givenSelections_ids_areEveryMatchingIdInIdOrder() {
    Subscription aliceOnAcme = subscription(key("acme"), alice, at(0));
    Subscription aliceGlobal = subscription(new SubscriptionKey.Global(), alice, at(1));
    Subscription aliceElsewhere = subscription(key("other/app"), alice, at(2));
    Subscription bobOnAcmeRepository = subscription(key("acme/app"), bob, at(3));
    Subscription bobNextDoor = subscription(key("acme-x/app"), bob, at(4));
    add(bobNextDoor, aliceElsewhere, aliceOnAcme, bobOnAcmeRepository, aliceGlobal);

    assertThat(ids(new Selection.ByAuthor(alice)))
        .containsExactlyElementsOf(idOrder(aliceOnAcme, aliceGlobal, aliceElsewhere));
    assertThat(ids(new Selection.ByNamespace(new NamespaceName("acme"))))
        .containsExactlyElementsOf(idOrder(aliceOnAcme, bobOnAcmeRepository));
    assertThat(ids(new Selection.ByRepository(RepositoryPath.of("acme", "app"))))
        .containsExactly(bobOnAcmeRepository.id());
    assertThat(ids(new Selection.All()))
        .containsExactlyElementsOf(
            idOrder(aliceOnAcme, aliceGlobal, aliceElsewhere, bobOnAcmeRepository, bobNextDoor));
    assertThat(ids(new Selection.ByAuthor(UUID.randomUUID()))).isEmpty();
    assertThat(ids(new Selection.ByNamespace(new NamespaceName("nobody")))).isEmpty();
  }

  @Test
  void givenMoreThanTheLargestPage_ids_returnsThemAll() {
    Subscription[] many = new Subscription[PageRequest.MAX_SIZE + 1];
    for (int i = 0; i < many.length; i++) {
      many[i] = subscription(key("acme"), alice, at(i));
    }
    add(many);

    assertThat(ids(new Selection.ByAuthor(alice))).containsExactlyElementsOf(idOrder(many));
  }

  @Test
  void givenIdsDeletedInTheTransactionThatReadThem_noneIsSeenAgain_andOthersStay() {
    // AccountService.delete: collect an account's webhooks, then delete each, in one transaction.
    Subscription mine = subscription(key("acme"), alice, at(0));
    Subscription alsoMine = subscription(key("other/app"), alice, at(1));
    Subscription theirs = subscription(key("other"), bob, at(2));
    add(mine, alsoMine, theirs);

    unitOfWork()
        .run(
            () -> {
              assertThat(subscriptions().byId(mine.id())).contains(mine);
              subscriptions().ids(new Selection.ByAuthor(alice)).forEach(subscriptions()::delete);
              assertThat(subscriptions().byId(mine.id())).isEmpty();
              assertThat(subscriptions().ids(new Selection.ByAuthor(alice))).isEmpty();
              assertThat(subscriptions().list(new Selection.All(), PageRequest.first(10)).items())
                  .containsExactly(theirs);
            });

    assertThat(ids(new Selection.All())).containsExactly(theirs.id());
    assertThat(
            tx(
                () ->
                    subscriptions()
                        .activeMatching(mine.type(), List.of(key("acme"), key("other/app")))))
        .isEmpty();
  }

  // ---------------------------------------------------------------- delivery: fan-out and health

  private static Subscription ofType(
      EventType type, String key, Instant createdAt, boolean inactive) {
    Subscription s =
        Subscription.create(
            ContractFixtures.subscriptionId(),
            type,
            key.isEmpty() ? new SubscriptionKey.Global() : key(key),
            new Endpoint("https://hooks.example.com/in"),
            UUID.randomUUID(),
            createdAt,
            TlsTrust.NONE,
            false,
            SigningSecret.fromKey(new byte[] {9}));
    return inactive ? deactivated(s) : s;
  }

  private static Subscription deactivated(Subscription s) {
    return s.change(
        new SubscriptionChanges(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(true)));
  }

  private Subscription stored(Subscription s) {
    return tx(() -> subscriptions().byId(s.id())).orElseThrow();
  }

  private List<SubscriptionId> markFailed(
      Map<SubscriptionId, Integer> failures, int threshold, Instant noSuccessSince) {
    return tx(() -> subscriptions().markFailed(failures, threshold, noSuccessSince));
  }

  @Test
  void
      givenKeysAroundARepository_activeMatching_findsTheRepositoryItsNamespaceAndGlobalKeysOfThatType() {
    Subscription onRepository = ofType(EventType.TAG_PUSH, "acme/app", at(0), false);
    Subscription onNamespace = ofType(EventType.TAG_PUSH, "acme", at(1), false);
    Subscription global = ofType(EventType.TAG_PUSH, "", at(2), false);
    Subscription unusual =
        unusualSubscription(alice); // MANIFEST_DELETE on some-ns/some.repo, inactive
    Subscription unusualActive =
        unusual.change(
            new SubscriptionChanges(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(false)));
    add(
        onRepository,
        onNamespace,
        global,
        ofType(EventType.TAG_PUSH, "acme/app", at(3), true), // inactive
        ofType(EventType.TAG_DELETE, "acme/app", at(4), false), // another type
        ofType(EventType.TAG_PUSH, "acme/web", at(5), false), // another repository
        ofType(EventType.TAG_PUSH, "acme-x", at(6), false), // another namespace
        unusualActive);
    List<SubscriptionKey> keys =
        List.of(key("acme/app"), key("acme"), new SubscriptionKey.Global());

    List<Subscription> matching =
        tx(() -> subscriptions().activeMatching(EventType.TAG_PUSH, keys));

    assertThat(matching).containsExactlyInAnyOrder(onRepository, onNamespace, global);
    assertThat(tx(() -> subscriptions().activeMatching(EventType.TAG_PUSH, List.of(key("acme")))))
        .containsExactly(onNamespace);
    assertThat(tx(() -> subscriptions().activeMatching(EventType.TAG_PULL, keys))).isEmpty();
    assertThat(tx(() -> subscriptions().activeMatching(EventType.TAG_PUSH, List.of()))).isEmpty();
    // Every field comes back, as byId returns it.
    assertThat(
            tx(
                () ->
                    subscriptions()
                        .activeMatching(
                            EventType.MANIFEST_DELETE, List.of(key("some-ns/some.repo")))))
        .containsExactly(unusualActive);
  }

  @Test
  void givenSuccess_markSucceeded_setsLastSuccessfulAtAndLeavesOthersAlone() {
    Subscription a = subscription(key("acme"), alice, at(0));
    Subscription b = subscription(key("acme"), alice, at(1));
    add(a, b);

    unitOfWork()
        .run(
            () ->
                subscriptions()
                    .markSucceeded(
                        Map.of(a.id(), at(500), ContractFixtures.subscriptionId(), at(9))));

    assertThat(stored(a).lastSuccessfulAt()).contains(at(500));
    assertThat(stored(a).inactive()).isFalse();
    assertThat(stored(b)).isEqualTo(b);
    unitOfWork().run(() -> subscriptions().markSucceeded(Map.of()));
  }

  @Test
  void givenSuccessesCloserThanThePrecision_markSucceeded_keepsTheFirstAndNeverGoesBack() {
    Subscription a = subscription(key("acme"), alice, at(0));
    add(a);
    long second = 1_000_000;

    unitOfWork().run(() -> subscriptions().markSucceeded(Map.of(a.id(), at(10 * second))));
    unitOfWork()
        .run(() -> subscriptions().markSucceeded(Map.of(a.id(), at(10 * second + second / 2))));
    assertThat(stored(a).lastSuccessfulAt()).contains(at(10 * second));

    unitOfWork().run(() -> subscriptions().markSucceeded(Map.of(a.id(), at(11 * second + 1))));
    assertThat(stored(a).lastSuccessfulAt()).contains(at(11 * second + 1));

    // Another instance recording an older success late never moves it back.
    unitOfWork().run(() -> subscriptions().markSucceeded(Map.of(a.id(), at(5 * second))));
    assertThat(stored(a).lastSuccessfulAt()).contains(at(11 * second + 1));
  }

  @Test
  void givenABatchWithSuccessesOfDifferentAges_markSucceeded_judgesEachWebhookByItsOwn() {
    Subscription a = subscription(key("acme"), alice, at(0));
    Subscription b = subscription(key("acme"), alice, at(0));
    Subscription c = subscription(key("acme"), alice, at(0));
    add(a, b, c);
    long second = 1_000_000;
    unitOfWork()
        .run(
            () ->
                subscriptions()
                    .markSucceeded(Map.of(a.id(), at(10 * second), b.id(), at(10 * second))));
    assertThat(markFailed(Map.of(c.id(), 3), 10, at(100))).isEmpty();

    // a within the precision of its stored success, b beyond it, c within it but failing.
    unitOfWork()
        .run(
            () ->
                subscriptions()
                    .markSucceeded(
                        Map.of(
                            a.id(), at(10 * second + second / 2),
                            b.id(), at(12 * second),
                            c.id(), at(1))));

    assertThat(stored(a).lastSuccessfulAt()).contains(at(10 * second));
    assertThat(stored(b).lastSuccessfulAt()).contains(at(12 * second));
    assertThat(stored(c).lastSuccessfulAt()).contains(at(1));
    assertThat(markFailed(Map.of(c.id(), 9), 10, at(100))).isEmpty();
  }

  @Test
  void givenFailuresSinceTheLastSuccess_markSucceeded_resetsThemEvenWithinThePrecision() {
    Subscription a = subscription(key("acme"), alice, at(0));
    add(a);
    unitOfWork().run(() -> subscriptions().markSucceeded(Map.of(a.id(), at(10))));
    assertThat(markFailed(Map.of(a.id(), 9), 10, at(100))).isEmpty();

    unitOfWork().run(() -> subscriptions().markSucceeded(Map.of(a.id(), at(20))));

    assertThat(stored(a).lastSuccessfulAt()).contains(at(20));
    assertThat(markFailed(Map.of(a.id(), 9), 10, at(100))).isEmpty();
    assertThat(stored(a).inactive()).isFalse();
  }

  @Test
  void givenFailuresAcrossCalls_markFailed_countsThemAndSwitchesOffAtTheThreshold() {
    Subscription a = subscription(key("acme"), alice, at(0));
    add(a);

    assertThat(markFailed(Map.of(a.id(), 4), 10, at(100))).isEmpty();
    assertThat(markFailed(Map.of(a.id(), 5), 10, at(100))).isEmpty();
    assertThat(stored(a).inactive()).isFalse();

    assertThat(markFailed(Map.of(a.id(), 1), 10, at(100))).containsExactly(a.id());

    assertThat(stored(a))
        .usingRecursiveComparison()
        .ignoringFields("deactivation")
        .isEqualTo(deactivated(a));
    assertThat(stored(a).deactivation().map(d -> d.reason()))
        .contains(io.hooklift.domain.subscription.Deactivation.Reason.FAILING);
    // Already off: not switched off (nor reported) again.
    assertThat(markFailed(Map.of(a.id(), 3), 10, at(100))).isEmpty();
    assertThat(markFailed(Map.of(), 10, at(100))).isEmpty();
  }

  @Test
  void givenSuccessBetweenFailures_markSucceeded_resetsTheCount() {
    Subscription a = subscription(key("acme"), alice, at(0));
    add(a);
    assertThat(markFailed(Map.of(a.id(), 8), 10, at(100))).isEmpty();

    unitOfWork().run(() -> subscriptions().markSucceeded(Map.of(a.id(), at(1))));

    assertThat(markFailed(Map.of(a.id(), 8), 10, at(100))).isEmpty();
    assertThat(stored(a).inactive()).isFalse();
    assertThat(markFailed(Map.of(a.id(), 2), 10, at(100))).containsExactly(a.id());
  }

  @Test
  void givenManyFailuresButRecentSuccessOrCreation_markFailed_keepsTheWebhookOn() {
    Subscription oldSuccess = subscription(key("acme"), alice, at(0));
    Subscription recentSuccess = subscription(key("acme"), alice, at(0));
    Subscription recentlyCreated = subscription(key("acme"), alice, at(200));
    Subscription exactlyAtTheLimit = subscription(key("acme"), alice, at(100));
    add(oldSuccess, recentSuccess, recentlyCreated, exactlyAtTheLimit);
    unitOfWork()
        .run(
            () ->
                subscriptions()
                    .markSucceeded(Map.of(oldSuccess.id(), at(50), recentSuccess.id(), at(150))));

    List<SubscriptionId> off =
        markFailed(
            Map.of(
                oldSuccess.id(),
                20,
                recentSuccess.id(),
                20,
                recentlyCreated.id(),
                20,
                exactlyAtTheLimit.id(),
                20,
                ContractFixtures.subscriptionId(),
                20),
            10,
            at(100));

    assertThat(off).containsExactly(oldSuccess.id());
    assertThat(stored(oldSuccess).inactive()).isTrue();
    assertThat(stored(recentSuccess).inactive()).isFalse();
    assertThat(stored(recentlyCreated).inactive()).isFalse();
    assertThat(stored(exactlyAtTheLimit).inactive()).isFalse();
  }

  @Test
  void givenSeveralWebhooks_markFailed_returnsEveryOneItSwitchedOff() {
    Subscription a = subscription(key("acme"), alice, at(0));
    Subscription b = subscription(key("acme/app"), bob, at(1));
    Subscription c = subscription(key("acme"), bob, at(2));
    add(a, b, c);

    List<SubscriptionId> off = markFailed(Map.of(a.id(), 10, b.id(), 12, c.id(), 9), 10, at(100));

    assertThat(off).containsExactlyInAnyOrder(a.id(), b.id());
    assertThat(
            tx(
                () ->
                    subscriptions()
                        .activeMatching(EventType.TAG_PUSH, List.of(key("acme"), key("acme/app")))))
        .containsExactly(c);
  }

  @Test
  void givenWebhookReadEarlierInTheTransaction_markFailedAndMarkSucceeded_showInLaterReads() {
    Subscription a = subscription(key("acme"), alice, at(0));
    Subscription b = subscription(key("acme"), alice, at(0));
    add(a, b);

    List<Subscription> seen =
        tx(
            () -> {
              subscriptions().byId(a.id());
              subscriptions().byId(b.id());
              subscriptions().markSucceeded(Map.of(b.id(), at(70)));
              subscriptions().markFailed(Map.of(a.id(), 10), 10, at(100));
              return List.of(
                  subscriptions().byId(a.id()).orElseThrow(),
                  subscriptions().byId(b.id()).orElseThrow());
            });

    assertThat(seen.get(0).inactive()).isTrue();
    assertThat(seen.get(1).lastSuccessfulAt()).contains(at(70));
    assertThat(stored(a).inactive()).isTrue();
    assertThat(stored(b).lastSuccessfulAt()).contains(at(70));
  }

  @Test
  void givenSwitchedOffWebhook_updateInTheSameTransaction_keepsTheRecordedSuccess() {
    // AttemptRecorder: markSucceeded, then a 410 switches the webhook off with byId + update.
    Subscription a = subscription(key("acme"), alice, at(0));
    add(a);

    unitOfWork()
        .run(
            () -> {
              subscriptions().markSucceeded(Map.of(a.id(), at(80)));
              Subscription current = subscriptions().byId(a.id()).orElseThrow();
              subscriptions().update(deactivated(current));
            });

    assertThat(stored(a).lastSuccessfulAt()).contains(at(80));
    assertThat(stored(a).inactive()).isTrue();
  }

  @Test
  void givenAStaleCopy_update_neverMovesLastSuccessfulAtBack() {
    Subscription original = subscription(key("acme"), alice, T0);
    add(original);
    unitOfWork().run(() -> subscriptions().markSucceeded(java.util.Map.of(original.id(), at(50))));

    unitOfWork()
        .run(
            () ->
                subscriptions()
                    .update(
                        original.change(
                            new SubscriptionChanges(
                                Optional.of(new Endpoint("https://elsewhere.example.com/")),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()))));

    Subscription stored = tx(() -> subscriptions().byId(original.id())).orElseThrow();
    assertThat(stored.lastSuccessfulAt()).contains(at(50));
    assertThat(stored.endpoint().url()).isEqualTo("https://elsewhere.example.com/");
  }

  @Test
  void givenRevivedSubscription_itsFailureCountStartsAgain() {
    Subscription s = subscription(key("acme"), alice, at(0));
    add(s);
    Instant later = at(0).plus(java.time.Duration.ofDays(30));
    java.util.List<SubscriptionId> off =
        tx(() -> subscriptions().markFailed(java.util.Map.of(s.id(), 10), 10, later));
    assertThat(off).containsExactly(s.id());
    Subscription inactive = tx(() -> subscriptions().byId(s.id())).orElseThrow();
    unitOfWork()
        .run(
            () ->
                subscriptions()
                    .update(
                        inactive.change(
                            new SubscriptionChanges(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(false)))));

    assertThat(tx(() -> subscriptions().markFailed(java.util.Map.of(s.id(), 1), 10, later)))
        .isEmpty();
    assertThat(tx(() -> subscriptions().byId(s.id())).orElseThrow().inactive()).isFalse();
  }
}
