"""People on the roster and their council terms."""

from __future__ import annotations

from datetime import date

import pandas as pd

from council.domain.people import CouncilTerm, Person
from council.store.database import Query, Transaction

_PERSON = (
    "SELECT id, name, email, department, role_title,"
    " coalesce((SELECT list(role ORDER BY role) FROM person_role r WHERE r.person_id = person.id), [])"
    " AS roles, is_external, active, guest_kind FROM person"
)


def add_person(tx: Transaction, person: Person) -> int:
    """A new person on the roster, with their roles and their address (which nobody else may have)."""
    person_id = tx.insert_record("person", person, skip=("id", "roles"))
    set_roles(tx, person_id, person.roles)
    if person.email:
        tx.execute("INSERT INTO person_email VALUES (lower(trim(?)), ?)", [person.email, person_id])
    return person_id


def set_email(tx: Transaction, person_id: int, email: str | None) -> None:
    """A person's new address, or none; person_email keeps one person per address."""
    tx.execute("DELETE FROM person_email WHERE person_id = ?", [person_id])
    tx.execute("UPDATE person SET email = ? WHERE id = ?", [email, person_id])
    if email:
        tx.execute("INSERT INTO person_email VALUES (lower(trim(?)), ?)", [email, person_id])


def set_roles(tx: Transaction, person_id: int, roles: tuple[str, ...]) -> None:
    tx.execute("DELETE FROM person_role WHERE person_id = ?", [person_id])
    for role in dict.fromkeys(roles):
        tx.execute("INSERT INTO person_role (person_id, role) VALUES (?, ?)", [person_id, role])


def update_person(tx: Transaction, person: Person) -> None:
    """A person's name, department, job title and whether they are still on the roster; not their roles
    (`set_roles`) nor their e-mail address (`set_email`)."""
    tx.execute(
        "UPDATE person SET name = ?, department = ?, role_title = ?, active = ? WHERE id = ?",
        [person.name, person.department, person.role_title, person.active, person.id],
    )


def get_person(q: Query, person_id: int) -> Person | None:
    return q.record(Person, f"{_PERSON} WHERE id = ?", [person_id])


def person_by_email(q: Query, email: str) -> Person | None:
    """The person with this e-mail address, whatever its case or surrounding spaces."""
    return q.record(Person, f"{_PERSON} WHERE lower(email) = lower(?)", [email.strip()])


def list_people(q: Query, *, active_only: bool = True) -> list[Person]:
    where = "WHERE active" if active_only else ""
    return q.records(Person, f"{_PERSON} {where} ORDER BY name")


def add_council_term(tx: Transaction, term: CouncilTerm) -> int:
    return tx.insert_record("council_term", term)


def council_terms(q: Query, person_id: int | None = None) -> list[CouncilTerm]:
    sql = "SELECT id, person_id, department, starts_on, ends_on FROM council_term"
    if person_id is None:
        return q.records(CouncilTerm, f"{sql} ORDER BY starts_on, id")
    return q.records(CouncilTerm, f"{sql} WHERE person_id = ? ORDER BY starts_on, id", [person_id])


def set_term_dates(tx: Transaction, term_id: int, starts_on: date, ends_on: date | None) -> None:
    tx.execute(
        "UPDATE council_term SET starts_on = ?, ends_on = ? WHERE id = ?", [starts_on, ends_on, term_id]
    )


def serving_on(q: Query, day: date) -> set[int]:
    """Ids of the people holding a council seat on `day`."""
    rows = q.rows(
        "SELECT person_id FROM council_term WHERE starts_on <= ? AND (ends_on IS NULL OR ends_on >= ?)",
        [day, day],
    )
    return {r[0] for r in rows}


def roster(q: Query, today: date) -> pd.DataFrame:
    """Everyone who ever held a seat, with their latest term, current members first (a data frame)."""
    return q.frame(
        """
        WITH latest AS (
            SELECT *, row_number() OVER (PARTITION BY person_id ORDER BY starts_on DESC, id DESC) AS n,
                   count(*) OVER (PARTITION BY person_id) AS terms
            FROM council_term
        )
        SELECT p.id AS person_id, p.name, latest.department AS seat, p.role_title,
               latest.starts_on, latest.ends_on, latest.terms,
               (latest.starts_on <= ?::DATE AND (latest.ends_on IS NULL OR latest.ends_on >= ?::DATE))
                   AS serving
        FROM latest JOIN person p ON p.id = latest.person_id
        WHERE latest.n = 1
        ORDER BY serving DESC, seat, p.name
        """,
        [today, today],
    )
