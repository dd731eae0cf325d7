"""Reading from the workspace database: rows, single values checked for their type, records as dataclasses,
frames for charts and tables. `Database` and `Transaction` (in `database`) both offer these."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, TypeVar

import duckdb
import pandas as pd

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

R = TypeVar("R", bound="DataclassInstance")
V = TypeVar("V")
Params = Sequence[Any] | dict[str, Any]


class Query:
    """Read helpers over one DuckDB cursor; `Database` and `Transaction` both offer them."""

    def rows(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        with self._using() as cur:
            return cur.execute(sql, params).fetchall()

    def row(self, sql: str, params: Params = ()) -> tuple[Any, ...] | None:
        with self._using() as cur:
            return cur.execute(sql, params).fetchone()

    def value(self, sql: str, params: Params = ()) -> Any:
        found = self.row(sql, params)
        return None if found is None else found[0]

    def value_of(self, kind: type[V], sql: str, params: Params = ()) -> V | None:
        """The first column of the first row, checked to be a `kind`; None without a row or for NULL."""
        return _checked(kind, self.value(sql, params), sql)

    def number(self, sql: str, params: Params = ()) -> int:
        """The whole number a query always gives: a count, or a maximum with a default (coalesce)."""
        return required(self.value_of(int, sql, params), sql)

    def numbers(self, sql: str, params: Params = ()) -> tuple[int, ...]:
        """The whole numbers of the one row an aggregate query (without GROUP BY) always gives."""
        found = required(self.row(sql, params), sql)
        return tuple(required(_checked(int, v, sql), sql) for v in found)

    def records(self, cls: type[R], sql: str, params: Params = ()) -> list[R]:
        """Rows as instances of the dataclass `cls`, matching columns to fields by name.

        Columns the dataclass does not have are ignored; lists become tuples so records stay frozen.
        """
        fields = {f.name for f in dataclasses.fields(cls)}
        with self._using() as cur:
            cur.execute(sql, params)
            names = [d[0] for d in cur.description]
            result = []
            for values in cur.fetchall():
                data = {
                    n: tuple(v) if isinstance(v, list) else v
                    for n, v in zip(names, values, strict=True)
                    if n in fields
                }
                result.append(cls(**data))
        return result

    def record(self, cls: type[R], sql: str, params: Params = ()) -> R | None:
        found = self.records(cls, sql, params)
        return found[0] if found else None

    def frame(self, sql: str, params: Params = ()) -> pd.DataFrame:
        """A data frame for a chart or a table, built by DuckDB."""
        with self._using() as cur:
            return cur.execute(sql, params).df()

    def _using(self) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
        raise NotImplementedError


def _checked(kind: type[V], value: object, sql: str) -> V | None:
    """`value` as a `kind`, or None; a value of another type is a mistake in the query that asked for it."""
    if value is None or isinstance(value, kind):
        return value
    raise TypeError(f"expected {kind.__name__} or NULL, got {value!r} from: {sql}")


def required(value: V | None, sql: str) -> V:
    """`value`, which the query always gives (an aggregate's row, an INSERT's RETURNING)."""
    if value is None:
        raise TypeError(f"expected a value, got no row or NULL from: {sql}")
    return value


def first_number(found: tuple[Any, ...] | None, sql: str) -> int:
    """The whole number in the first column of the row a query always gives."""
    return required(_checked(int, required(found, sql)[0], sql), sql)
