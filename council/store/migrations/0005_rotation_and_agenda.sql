-- Guests bring the voices the council hears least. A person who speaks for more than their
-- department (a trainee, a customer who just left…) carries one of the workspace's guest kinds.
ALTER TABLE person ADD COLUMN guest_kind VARCHAR;

-- The chair closes a meeting's agenda before it starts: from then on the guest's proposal is final.
ALTER TABLE meeting ADD COLUMN agenda_closed_at TIMESTAMPTZ;
UPDATE meeting SET agenda_closed_at = coalesce(closed_at, starts_at) WHERE status <> 'planned';
