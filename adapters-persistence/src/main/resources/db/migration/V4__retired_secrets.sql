-- Secrets replaced by a rotation keep signing until their grace period ends. A handful at most per
-- subscription (the domain caps them), so one text column holds them: "<validUntil> <whsec_…>" lines.
ALTER TABLE subscriptions ADD COLUMN retired_secrets VARCHAR NOT NULL DEFAULT '';
