-- A person's e-mail address can change, and be removed when someone who left asks for it. It was a UNIQUE
-- column, and DuckDB runs an update of an indexed column as a delete and an insert, which the rows pointing
-- at the person refuse: no address could ever change. Before this runs, the database file is made again
-- from its own export with the person table's address unindexed (store/migrations.py, REBUILDS); the file
-- as it was is kept beside it. One person per address is kept by person_email instead, whose rows nothing
-- points at, and which the store keeps with the person.

CREATE TABLE person_email (
    address    VARCHAR PRIMARY KEY,   -- lower case and trimmed
    person_id  INTEGER NOT NULL UNIQUE
);
INSERT OR IGNORE INTO person_email
SELECT lower(trim(email)), id FROM person WHERE nullif(trim(email), '') IS NOT NULL ORDER BY id;
