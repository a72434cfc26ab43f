-- The artifact type of a manifest Hooklift has seen (issue 12, filters.artifactTypes): what the
-- registry's API said the manifest holds (OCI 1.1 artifactType, else the config's media type);
-- '' when the registry was asked and could not tell. NULL when it was never asked: rows from
-- before this column, so the next push or pull of the manifest asks once. Runs on H2 and PostgreSQL.
ALTER TABLE registry_manifests ADD COLUMN artifact_type VARCHAR(255);
