-- A person's roles get their own table, so the secretary can change them on the Council page:
-- DuckDB cannot update a list column of a person other rows point at. person.roles keeps what it
-- held when this ran and is no longer read or written.

CREATE TABLE person_role (
    person_id  INTEGER NOT NULL REFERENCES person (id),
    role       VARCHAR NOT NULL CHECK (role IN ('member', 'chair', 'secretary', 'executive', 'guest')),
    PRIMARY KEY (person_id, role)
);

INSERT INTO person_role
SELECT DISTINCT id, unnest(roles) FROM person;
