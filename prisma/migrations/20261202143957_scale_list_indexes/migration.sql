-- Lists that read an index in their own order instead of sorting (issue 21).
-- The stale list: a municipality's contacts by last interaction, never spoken to first, then id;
-- the district and stale conditions are checked while walking it, and LIMIT stops the walk.
CREATE INDEX "Contact_municipalityId_lastInteractionAt_id_idx" ON "Contact"("municipalityId", "lastInteractionAt" ASC NULLS FIRST, "id");

-- A network's member page: current (or ended) members by id.
CREATE INDEX "NetworkMembership_networkId_until_id_idx" ON "NetworkMembership"("networkId", "until", "id");
