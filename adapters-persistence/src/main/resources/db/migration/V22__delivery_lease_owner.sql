-- Leases that mean ownership (issue 13). A delivery is leased to one instance (lease_owner, its
-- HOOKLIFT_INSTANCE_ID) until lease_until, a time on the database's clock. Every claim bumps
-- lease_version, so an instance that lost a lease (it ran out and another instance claimed the
-- delivery) can no longer record anything: recording names owner and version (fencing).
--  * lease_owner NULL with lease_until NULL: not leased, claimable once due.
--  * lease_version 0: never claimed; the instance that accepted the event claims such rows by id.
ALTER TABLE deliveries ADD COLUMN lease_owner VARCHAR(64);
ALTER TABLE deliveries ADD COLUMN lease_version BIGINT NOT NULL DEFAULT 0;
