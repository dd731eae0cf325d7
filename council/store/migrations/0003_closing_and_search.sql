-- When an item was closed (resolved, won't fix, blocker removed or accepted), for the
-- "opened vs resolved" trend; and indexes for the filters the lists and the overview use.

ALTER TABLE friction_point ADD COLUMN closed_at TIMESTAMPTZ;
ALTER TABLE missing_connection ADD COLUMN closed_at TIMESTAMPTZ;
ALTER TABLE blocker ADD COLUMN closed_at TIMESTAMPTZ;

UPDATE friction_point SET closed_at = updated_at WHERE status IN ('resolved', 'wont_fix');
UPDATE missing_connection SET closed_at = updated_at WHERE status IN ('resolved', 'wont_fix');
UPDATE blocker SET closed_at = updated_at WHERE status IN ('removed', 'accepted');

CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
