-- Accounts, teams, repositories, tokens, subscriptions and events.
-- Runs unchanged on H2 2.5 and PostgreSQL 15, so it sticks to their common SQL:
--  * VARCHAR without a length is unbounded on both (H2's TEXT would be a CLOB, which Hibernate
--    reads differently), and TIMESTAMP(6) WITH TIME ZONE holds an Instant to the microsecond.
--  * Cascading foreign keys carry out the removals the port Javadoc promises (an account's
--    memberships, team memberships and tokens; a team's members and grants; a repository's grants),
--    so no code path can forget one.

CREATE TABLE accounts (
    id            UUID                        NOT NULL PRIMARY KEY,
    name          VARCHAR(255)                NOT NULL,
    type          VARCHAR(16)                 NOT NULL,
    system_admin  BOOLEAN                     NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    password_hash VARCHAR(512),
    CONSTRAINT uq_accounts_name UNIQUE (name)
);

CREATE TABLE memberships (
    org_id  UUID    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    user_id UUID    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    owner   BOOLEAN NOT NULL,
    PRIMARY KEY (org_id, user_id)
);
CREATE INDEX ix_memberships_user ON memberships (user_id);

CREATE TABLE teams (
    id     UUID         NOT NULL PRIMARY KEY,
    org_id UUID         NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name   VARCHAR(255) NOT NULL,
    CONSTRAINT uq_teams_org_name UNIQUE (org_id, name)
);

CREATE TABLE team_members (
    team_id UUID NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id UUID NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, user_id)
);
-- bestTeamAccess and account removal look members up by user.
CREATE INDEX ix_team_members_user ON team_members (user_id);

CREATE TABLE repositories (
    id                    UUID           NOT NULL PRIMARY KEY,
    namespace             VARCHAR(255)   NOT NULL,
    name                  VARCHAR(255)   NOT NULL,
    namespace_type        VARCHAR(16)    NOT NULL,
    short_description     VARCHAR(140)   NOT NULL,
    long_description      VARCHAR(16384) NOT NULL,
    visibility            VARCHAR(16)    NOT NULL,
    scan_on_push          BOOLEAN        NOT NULL,
    immutable_tags        BOOLEAN        NOT NULL,
    enable_manifest_lists BOOLEAN        NOT NULL,
    pulls                 BIGINT         NOT NULL,
    pushes                BIGINT         NOT NULL,
    tag_limit             BIGINT         NOT NULL,
    CONSTRAINT uq_repositories_path UNIQUE (namespace, name)
);

CREATE TABLE team_repository_access (
    team_id       UUID        NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    repository_id UUID        NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    access_level  VARCHAR(16) NOT NULL,
    PRIMARY KEY (team_id, repository_id)
);
CREATE INDEX ix_team_repository_access_repository ON team_repository_access (repository_id);

CREATE TABLE access_tokens (
    id          UUID                        NOT NULL PRIMARY KEY,
    user_id     UUID                        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    label       VARCHAR(100)                NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    secret_hash VARCHAR(128)                NOT NULL,
    CONSTRAINT uq_access_tokens_secret_hash UNIQUE (secret_hash)
);
CREATE INDEX ix_access_tokens_user ON access_tokens (user_id, created_at);

-- author_id has no foreign key: what happens to an author's webhooks is the application's call.
CREATE TABLE subscriptions (
    id                    CHAR(64)                    NOT NULL PRIMARY KEY,
    type                  VARCHAR(64)                 NOT NULL,
    key_text              VARCHAR(511)                NOT NULL, -- '' for global keys
    key_namespace         VARCHAR(255),
    key_repository        VARCHAR(255),
    endpoint              VARCHAR(2048)               NOT NULL,
    author_id             UUID                        NOT NULL,
    created_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_successful_at    TIMESTAMP(6) WITH TIME ZONE,
    inactive              BOOLEAN                     NOT NULL,
    tls_cert              VARCHAR                     NOT NULL,
    skip_tls_verification BOOLEAN                     NOT NULL,
    secret                VARCHAR(512)                NOT NULL
);
-- Each list selection is served by an index that also yields the (created_at, id) page order.
CREATE INDEX ix_subscriptions_created ON subscriptions (created_at, id);
CREATE INDEX ix_subscriptions_author ON subscriptions (author_id, created_at, id);
CREATE INDEX ix_subscriptions_key_path ON subscriptions (key_namespace, key_repository, created_at, id);
-- Delivery fan-out matches an event's type against its repository, namespace and global keys.
CREATE INDEX ix_subscriptions_type_key ON subscriptions (type, key_text);

CREATE TABLE events (
    id         UUID                        NOT NULL PRIMARY KEY,
    type       VARCHAR(64)                 NOT NULL,
    origin_key VARCHAR(511)                NOT NULL, -- 'ns/repo', or '' for global events
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    envelope   VARCHAR                     NOT NULL
);
CREATE INDEX ix_events_created ON events (created_at);
