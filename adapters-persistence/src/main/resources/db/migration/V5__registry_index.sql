-- What Hooklift remembers of a registry's notifications (port RegistryIndex). Runs unchanged on H2
-- 2.5 and PostgreSQL 15, like V1. No entities map these tables: the adapter is plain JDBC, see
-- io.hooklift.adapter.persistence.registry.JpaRegistryIndex.
--  * Lengths: a repository is namespace/name, 255 characters each (as origin_key in V1); a tag is
--    at most 128 characters by the distribution spec, 255 leaves room for a registry that is lax;
--    255 holds any digest algorithm in use (sha512 is 135) and the registry's event ids (UUIDs).
--  * No foreign keys to repositories: the registry's repositories need not exist in Hooklift.

-- Event ids already handled; the primary key is what makes a resent event a duplicate.
CREATE TABLE registry_sightings (
    id          VARCHAR(255)                NOT NULL PRIMARY KEY,
    received_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
-- Retention deletes by age.
CREATE INDEX ix_registry_sightings_received ON registry_sightings (received_at);

-- platforms: Platform.toString() of each, in order, joined with ';'; '' when none are known.
CREATE TABLE registry_manifests (
    repository VARCHAR(511) NOT NULL,
    digest     VARCHAR(255) NOT NULL,
    platforms  VARCHAR      NOT NULL,
    PRIMARY KEY (repository, digest)
);

-- Where each tag pointed when it was last pushed.
CREATE TABLE registry_tags (
    repository VARCHAR(511) NOT NULL,
    tag        VARCHAR(255) NOT NULL,
    digest     VARCHAR(255) NOT NULL,
    PRIMARY KEY (repository, tag)
);

-- Deletes by digest, per registry request: the tag deletes of the same request carry no digest,
-- and are the only sign that a digest Hooklift never saw was a manifest's rather than a blob's.
CREATE TABLE registry_digest_deletes (
    request_id  VARCHAR(255)                NOT NULL,
    repository  VARCHAR(511)                NOT NULL,
    digest      VARCHAR(255)                NOT NULL,
    announced   BOOLEAN                     NOT NULL,
    received_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (request_id, repository)
);
CREATE INDEX ix_registry_digest_deletes_received ON registry_digest_deletes (received_at);
