-- Web console sessions. In the shared database rather than in each instance's memory, so that a load
-- balancer without sticky sessions can send a browser's requests to any instance.
--  * token_hash is the SHA-256 of the session token; the token itself is never stored.
--  * Deleting an account deletes its sessions.
--  * last_seen_at is indexed for the sweep of idle sessions.

CREATE TABLE console_sessions (
    token_hash   VARCHAR(64)                 NOT NULL PRIMARY KEY,
    account_id   UUID                        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_console_sessions_last_seen ON console_sessions (last_seen_at);
CREATE INDEX ix_console_sessions_account ON console_sessions (account_id);
