-- The artifact type of a manifest Hooklift has seen (issue 12, filters.artifactTypes): what the
-- registry's API said the manifest holds (OCI 1.1 artifactType, else the config's media type).
-- NULL when unknown: the registry was not asked or could not tell, or the row predates this
-- column, in which case the next push or pull of the manifest asks again. Runs on H2 and PostgreSQL.
ALTER TABLE registry_manifests ADD COLUMN artifact_type VARCHAR(255);
