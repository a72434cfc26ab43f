-- Beyond MSR, all optional (issue 12): filters, payload format, custom headers, and why a webhook is
-- off. Defaults make every existing row an MSR webhook exactly as before.
--  * filters: one line per condition, "<name>\t<value>\t<value>…" (patterns hold no tab or newline);
--    '' for none. Read by io.hooklift.adapter.persistence.subscription.FiltersColumn.
--  * headers: the custom headers, AES-GCM encrypted with HOOKLIFT_SECRET_KEY (HeaderCipher); '' for
--    none. Their values never exist here in clear text.
--  * disabled_reason: Deactivation.Reason name while inactive for a known reason, else NULL.
ALTER TABLE subscriptions ADD COLUMN filters VARCHAR NOT NULL DEFAULT '';
ALTER TABLE subscriptions ADD COLUMN payload_format VARCHAR(32) NOT NULL DEFAULT 'msr';
ALTER TABLE subscriptions ADD COLUMN headers VARCHAR NOT NULL DEFAULT '';
ALTER TABLE subscriptions ADD COLUMN disabled_reason VARCHAR(32);
ALTER TABLE subscriptions ADD COLUMN disabled_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE subscriptions ADD COLUMN failing_since TIMESTAMP(6) WITH TIME ZONE;
