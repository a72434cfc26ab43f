package io.hooklift.application.fake;

import io.hooklift.application.port.RegistryIndex;
import io.hooklift.application.port.StoredEvent;
import io.hooklift.domain.account.AccessLevel;
import io.hooklift.domain.account.AccessToken;
import io.hooklift.domain.account.Account;
import io.hooklift.domain.account.Membership;
import io.hooklift.domain.account.Team;
import io.hooklift.domain.delivery.AttemptRecord;
import io.hooklift.domain.delivery.Delivery;
import io.hooklift.domain.repository.CodeRepository;
import io.hooklift.domain.subscription.Subscription;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the in-memory fakes store, in one place so a transaction can snapshot and restore it.
 * All values are immutable records, so copying the maps copies the state.
 */
final class InMemoryState {

  record TeamGrant(UUID teamId, UUID repositoryId) {}

  record TeamMember(UUID teamId, UUID userId) {}

  record MemberKey(UUID organizationId, UUID userId) {}

  Map<UUID, Account> accounts = new LinkedHashMap<>();
  Map<UUID, String> passwordHashes = new HashMap<>();
  Map<MemberKey, Membership> memberships = new LinkedHashMap<>();
  Map<UUID, Team> teams = new LinkedHashMap<>();
  Map<TeamMember, Boolean> teamMembers = new LinkedHashMap<>();
  Map<TeamGrant, AccessLevel> grants = new LinkedHashMap<>();
  Map<UUID, CodeRepository> repositories = new LinkedHashMap<>();
  Map<UUID, AccessToken> tokens = new LinkedHashMap<>();
  Map<UUID, String> tokenHashes = new HashMap<>();
  Map<String, Subscription> subscriptions = new LinkedHashMap<>();
  Map<UUID, StoredEvent> events = new LinkedHashMap<>();
  Map<String, Integer> consecutiveFailures = new HashMap<>();
  Map<UUID, Delivery> deliveries = new LinkedHashMap<>();
  Map<UUID, Instant> leases = new HashMap<>();
  Map<UUID, String> leaseOwners = new HashMap<>();
  Map<UUID, Long> leaseVersions = new HashMap<>();
  Map<UUID, List<AttemptRecord>> attempts = new HashMap<>();
  Map<String, Instant> registrySightings = new HashMap<>();
  Map<String, RegistryIndex.KnownManifest> registryManifests = new HashMap<>();
  Map<String, String> registryTags = new HashMap<>();
  Map<String, RegistryIndex.DigestDelete> registryDigestDeletes = new HashMap<>();
  List<UUID> feed = new java.util.ArrayList<>();

  InMemoryState copy() {
    InMemoryState c = new InMemoryState();
    c.accounts = new LinkedHashMap<>(accounts);
    c.passwordHashes = new HashMap<>(passwordHashes);
    c.memberships = new LinkedHashMap<>(memberships);
    c.teams = new LinkedHashMap<>(teams);
    c.teamMembers = new LinkedHashMap<>(teamMembers);
    c.grants = new LinkedHashMap<>(grants);
    c.repositories = new LinkedHashMap<>(repositories);
    c.tokens = new LinkedHashMap<>(tokens);
    c.tokenHashes = new HashMap<>(tokenHashes);
    c.subscriptions = new LinkedHashMap<>(subscriptions);
    c.events = new LinkedHashMap<>(events);
    c.consecutiveFailures = new HashMap<>(consecutiveFailures);
    c.deliveries = new LinkedHashMap<>(deliveries);
    c.leases = new HashMap<>(leases);
    c.leaseOwners = new HashMap<>(leaseOwners);
    c.leaseVersions = new HashMap<>(leaseVersions);
    c.registrySightings = new HashMap<>(registrySightings);
    c.registryManifests = new HashMap<>(registryManifests);
    c.registryTags = new HashMap<>(registryTags);
    c.registryDigestDeletes = new HashMap<>(registryDigestDeletes);
    c.feed = new java.util.ArrayList<>(feed);
    c.attempts = new HashMap<>();
    attempts.forEach((k, v) -> c.attempts.put(k, new java.util.ArrayList<>(v)));
    return c;
  }
}
