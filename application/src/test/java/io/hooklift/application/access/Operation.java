package io.hooklift.application.access;

import io.hooklift.application.port.PageRequest;
import io.hooklift.domain.access.Actor;
import io.hooklift.domain.account.AccessLevel;
import io.hooklift.domain.event.EventType;
import io.hooklift.domain.repository.RepositorySettings;
import io.hooklift.domain.subscription.Endpoint;
import io.hooklift.domain.subscription.SubscriptionChanges;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The operations of the admin-rule table, each a real use-case call against a fresh {@link World}.
 */
enum Operation {
  SUBSCRIBE_PUBLIC_REPO((w, a) -> w.hook(a, EventType.TAG_PUSH, "acme/web")),
  SUBSCRIBE_PRIVATE_REPO((w, a) -> w.hook(a, EventType.TAG_PUSH, "acme/secret")),
  SUBSCRIBE_NAMESPACE_TAGS((w, a) -> w.hook(a, EventType.TAG_PUSH, "acme")),
  SUBSCRIBE_REPO_EVENTS((w, a) -> w.hook(a, EventType.REPO_CREATED, "acme")),
  SUBSCRIBE_WITHOUT_KEY((w, a) -> w.hook(a, EventType.TAG_PUSH, "")),
  SUBSCRIBE_SCANNER_UPDATES((w, a) -> w.hook(a, EventType.SCANNER_UPDATE_COMPLETED, "")),
  SUBSCRIBE_USER_PRIVATE_REPO((w, a) -> w.hook(a, EventType.TAG_PUSH, "namespace-user/tools")),
  SUBSCRIBE_MISSING_REPO((w, a) -> w.hook(a, EventType.TAG_PUSH, "acme/nothing-here")),
  LIST_PRIVATE_REPO_HOOKS(
      (w, a) -> w.app.webhooks().listForRepository(a, "acme", "secret", PageRequest.first(10))),
  LIST_NAMESPACE_HOOKS(
      (w, a) -> w.app.webhooks().listForNamespace(a, "acme", PageRequest.first(10))),
  GET_PRIVATE_REPO_HOOK((w, a) -> w.app.webhooks().get(a, w.privateRepoHook.id().value())),
  GET_NAMESPACE_HOOK((w, a) -> w.app.webhooks().get(a, w.namespaceHook.id().value())),
  PATCH_PRIVATE_REPO_HOOK(
      (w, a) ->
          w.app
              .webhooks()
              .update(
                  a,
                  w.privateRepoHook.id().value(),
                  new SubscriptionChanges(
                      Optional.of(new Endpoint("https://elsewhere.example.com/")),
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty()))),
  DELETE_PUBLIC_REPO_HOOK((w, a) -> w.app.webhooks().delete(a, w.publicRepoHook.id().value())),
  GET_PRIVATE_REPO((w, a) -> w.app.repositories().get(a, "acme", "secret")),
  UPDATE_PRIVATE_REPO((w, a) -> w.app.repositories().update(a, "acme", "secret", s -> s)),
  DELETE_PUBLIC_REPO((w, a) -> w.app.repositories().delete(a, "acme", "web")),
  CREATE_REPO_IN_ORG(
      (w, a) -> w.app.repositories().create(a, "acme", "new-one", RepositorySettings.DEFAULTS)),
  GRANT_TEAM_ACCESS(
      (w, a) -> w.app.repositories().putTeamAccess(a, "acme", "web", "readers", AccessLevel.ADMIN)),
  ADD_ORG_MEMBER((w, a) -> w.app.organizations().putMember(a, "acme", "unrelated", false)),
  CREATE_TOKEN_FOR_NAMESPACE_USER((w, a) -> w.app.tokens().create(a, "namespace-user", "ci")),
  DELETE_ACCOUNT((w, a) -> w.app.accounts().delete(a, "unrelated"));

  private final BiConsumer<World, Actor> call;

  Operation(BiConsumer<World, Actor> call) {
    this.call = call;
  }

  void perform(World world, Actor actor) {
    call.accept(world, actor);
  }
}
