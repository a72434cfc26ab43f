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
import io.hooklift.application.port.UnitOfWork;
import io.hooklift.domain.naming.NamespaceName;
import io.hooklift.domain.naming.RepositoryPath;
import io.hooklift.domain.naming.SubscriptionKey;
import io.hooklift.domain.subscription.Endpoint;
import io.hooklift.domain.subscription.Subscription;
import io.hooklift.domain.subscription.SubscriptionChanges;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import io.hooklift.domain.shared.InvalidInput;
import org.junit.jupiter.api.Test;

/** What every {@link Subscriptions} promises: every field kept, lists selected and paged in order. */
public abstract class SubscriptionsContractTest {

  protected abstract UnitOfWork unitOfWork();

  protected abstract Subscriptions subscriptions();

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
        new Subscription(original.id(), original.type(), original.key(), new Endpoint("http://10.0.0.7:9000/hook"),
            original.authorId(), original.createdAt(), Optional.of(at(77)), true, CERTIFICATE, true, original.secret());

    unitOfWork().run(() -> subscriptions().update(changed));
    assertThat(tx(() -> subscriptions().byId(original.id()))).contains(changed);

    Subscription revived =
        changed.change(new SubscriptionChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(false)));
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

    Page<Subscription> second = list(new Selection.All(), new PageRequest(first.nextPageStart(), 2));
    assertThat(second.items()).containsExactly(all.get(2), all.get(3));
    assertThat(second.nextPageStart()).contains(all.get(4).id().value());

    Page<Subscription> third = list(new Selection.All(), new PageRequest(second.nextPageStart(), 2));
    assertThat(third.items()).containsExactly(all.get(4));
    assertThat(third.nextPageStart()).isEmpty();
  }

  @Test
  void givenStartOutsideTheSelection_list_refusesItAsPageStart() {
    Subscription mine = subscription(key("acme"), alice, at(0));
    Subscription theirs = subscription(key("acme"), bob, at(1));
    add(mine, theirs);

    assertThatThrownBy(() -> list(new Selection.ByAuthor(alice), new PageRequest(Optional.of(theirs.id().value()), 2)))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.detail()).containsEntry("field", "pageStart"));
    assertThatThrownBy(() -> list(new Selection.All(), new PageRequest(Optional.of("f".repeat(64)), 2)))
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

    assertThat(list(new Selection.ByAuthor(alice), PageRequest.first(10)).items()).containsExactly(a1, a2);
    assertThat(list(new Selection.ByAuthor(UUID.randomUUID()), PageRequest.first(10)).items()).isEmpty();
  }

  @Test
  void givenKeysAroundARepository_listByRepository_returnsExactlyThatRepositorysKeys() {
    Subscription exact1 = subscription(key("acme/app"), alice, at(0));
    Subscription exact2 = subscription(key("acme/app"), bob, at(5));
    add(exact1, exact2,
        subscription(key("acme"), alice, at(1)),
        subscription(key("acme/app2"), alice, at(2)),
        subscription(key("acme-x/app"), alice, at(3)),
        subscription(new SubscriptionKey.Global(), alice, at(4)));

    Page<Subscription> page = list(new Selection.ByRepository(RepositoryPath.of("acme", "app")), PageRequest.first(10));

    assertThat(page.items()).containsExactly(exact1, exact2);
  }

  @Test
  void givenKeysInAndAroundANamespace_listByNamespace_returnsTheNamespaceAndItsRepositories() {
    Subscription onNamespace = subscription(key("acme"), alice, at(0));
    Subscription onRepository = subscription(key("acme/app"), bob, at(1));
    Subscription onOtherRepository = subscription(key("acme/web"), bob, at(4));
    add(onNamespace, onRepository, onOtherRepository,
        subscription(key("acme-x"), alice, at(2)),
        subscription(key("acmeco/app"), alice, at(3)),
        subscription(new SubscriptionKey.Global(), alice, at(5)));

    Page<Subscription> page = list(new Selection.ByNamespace(new NamespaceName("acme")), PageRequest.first(10));

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

    Page<Subscription> rest = list(new Selection.ByAuthor(alice), new PageRequest(first.nextPageStart(), 5));
    assertThat(rest.items()).containsExactly(a2, a3);
    assertThat(rest.nextPageStart()).isEmpty();
  }

  @Test
  void givenStartFromTheMiddle_list_beginsAtThatItem() {
    Subscription s0 = subscription(key("acme"), alice, at(0));
    Subscription s1 = subscription(key("acme"), alice, at(1));
    Subscription s2 = subscription(key("acme"), alice, at(2));
    add(s2, s0, s1);

    Page<Subscription> page = list(new Selection.All(), new PageRequest(Optional.of(s1.id().value()), 10));

    assertThat(page.items()).containsExactly(s1, s2);
    assertThat(page.items()).extracting(Subscription::id).doesNotContain(s0.id());
  }

  @Test
  void givenNoSubscriptions_list_isEmptyWithoutNextPage() {
    Page<Subscription> page = list(new Selection.All(), PageRequest.first(PageRequest.MAX_SIZE));

    assertThat(page.items()).isEmpty();
    assertThat(page.nextPageStart()).isEmpty();
  }
}
