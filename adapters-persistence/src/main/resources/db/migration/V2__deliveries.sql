-- The delivery queue and log (SPEC §6). Runs unchanged on H2 2.5 and PostgreSQL 15; the
-- PostgreSQL-only autovacuum settings for `deliveries` are in the Java migration
-- db.migration.V3__Deliveries_autovacuum, because H2 has no storage parameters.
--  * No Hibernate entities map these tables: the hot paths (insert, claim, record) are batched
--    JDBC, see io.hooklift.adapter.persistence.delivery.JpaDeliveries.
--  * Deleting a webhook or an event ends its deliveries, and a delivery's attempts go with it.

CREATE TABLE deliveries (
    id               UUID                        NOT NULL PRIMARY KEY,
    event_id         UUID                        NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    subscription_id  CHAR(64)                    NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    status           VARCHAR(16)                 NOT NULL,
    attempts         INT                         NOT NULL,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    next_attempt_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    lease_until      TIMESTAMP(6) WITH TIME ZONE,            -- NULL: not leased
    last_status_code INT                         NOT NULL
);
-- Claiming: PENDING rows in due order. H2 serves ORDER BY status, next_attempt_at from it (perf.md B.3).
CREATE INDEX ix_deliveries_claim ON deliveries (status, next_attempt_at);
-- A webhook's delivery log, newest first (keyset pages on created_at, id); also serves the cascade.
CREATE INDEX ix_deliveries_subscription ON deliveries (subscription_id, created_at, id);
-- Deleting (pruning) an event finds its deliveries without scanning the table.
CREATE INDEX ix_deliveries_event ON deliveries (event_id);

CREATE TABLE delivery_attempts (
    delivery_id        UUID                        NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    number             INT                         NOT NULL,
    started_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    duration_micros    BIGINT                      NOT NULL,
    status_code        INT                         NOT NULL,
    error              VARCHAR(32),                            -- AttemptResult.AttemptError name
    resolved_ip        VARCHAR(64),
    response_excerpt   VARCHAR(4096)               NOT NULL,   -- at most 4096 UTF-8 bytes, so as many characters
    retry_after_millis BIGINT,
    PRIMARY KEY (delivery_id, number)
);

-- Consecutive failed attempts since the last success; markFailed switches a webhook off on it.
ALTER TABLE subscriptions ADD COLUMN consecutive_failures INT NOT NULL DEFAULT 0;
