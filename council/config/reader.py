"""Reading a parsed YAML file with one clear message per problem: the file, the key path and what was
expected. The workspace file's sections are read with these (`council.config`, `email`, `schedule`)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import time
from pathlib import Path
from typing import Any, TypeVar

from council.domain.errors import ConfigError
from council.domain.workspace import Named
from council.i18n import LANGUAGES, _
from council.i18n import formats as fmt
from council.i18n.wording import Wording

ID = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")
N = TypeVar("N", bound=Named)


class Reader:
    """Walks the parsed YAML, keeping the key path for messages."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key_path: str, expected: str) -> ConfigError:
        """The problem at `key_path`; `expected` says what is wrong, in the reader's language."""
        return ConfigError(f"{self.path}: {key_path}: {expected}")

    def mapping(self, value: Any, key_path: str, allowed: set[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(key_path or _("(top level)"), _("expected a mapping of keys to values"))
        for key in value:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                raise self.fail(
                    join(key_path, str(key)), _("unknown key (known keys: {keys})").format(keys=known)
                )
        return value

    def text(self, data: dict[str, Any], key: str, key_path: str, default: str | None = None) -> str:
        value = data.get(key, default)
        if value is None:
            raise self.fail(join(key_path, key), _("missing"))
        if not isinstance(value, str) or not value.strip():
            raise self.fail(join(key_path, key), _("expected a non-empty text"))
        return value.strip()

    def wording(self, data: dict[str, Any], key: str, key_path: str) -> Wording:
        """Words in every language (a plain text) or per language (`{nl: Facturatie, en: Bills & payments}`)."""
        value = data.get(key)
        if not isinstance(value, dict):
            return Wording(self.text(data, key, key_path))
        where = join(key_path, key)
        self.mapping(value, where, set(LANGUAGES))
        if not value:
            raise self.fail(where, _("expected a text, or one per language ({languages})").format(
                languages=", ".join(LANGUAGES)))  # fmt: skip
        return Wording.of({lang: self.text(value, lang, where) for lang in value})

    def one_of(self, data: dict[str, Any], key: str, key_path: str, choices: tuple[str, ...]) -> str:
        """The text at `key`, one of `choices` (the first when it is left out)."""
        value = self.text(data, key, key_path, default=choices[0])
        if value not in choices:
            raise self.fail(join(key_path, key), _("expected one of {choices}, got {value}").format(
                choices=", ".join(choices), value=repr(value)))  # fmt: skip
        return value

    def boolean(self, data: dict[str, Any], key: str, key_path: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(
                join(key_path, key), _("expected true/false, got {value}").format(value=repr(value))
            )
        return value

    def number(
        self, data: dict[str, Any], key: str, key_path: str, *, default: float | None,
        minimum: float, whole: bool = False,
    ) -> float:  # fmt: skip
        value = data.get(key, default)
        if value is None:
            raise self.fail(join(key_path, key), _("missing"))
        if (isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value)
                or (whole and not float(value).is_integer())):  # fmt: skip
            wrong = (
                _("expected a whole number, got {value}") if whole else _("expected a number, got {value}")
            )
            raise self.fail(join(key_path, key), wrong.format(value=repr(value)))
        if value < minimum:
            if whole:
                at_least = _("expected a whole number of at least {minimum}")
            else:
                at_least = _("expected a number of at least {minimum}")
            shown = fmt.number(minimum, 0 if float(minimum).is_integer() else 2)
            raise self.fail(join(key_path, key), at_least.format(minimum=shown))
        return value

    def named_list(
        self, data: dict[str, Any], key: str, make: Callable[..., N], extra: dict[str, bool] | None = None,
        *, optional: bool = False,
    ) -> tuple[N, ...]:  # fmt: skip
        items = data.get(key)
        if items is None and optional:
            return ()
        if items is None:
            raise self.fail(key, _("missing"))
        if not isinstance(items, list) or not items:
            raise self.fail(key, _("expected a non-empty list of {id, name} entries"))
        seen: set[str] = set()
        result = []
        for i, raw in enumerate(items):
            where = f"{key}[{i}]"
            entry = self.mapping(raw, where, {"id", "name", *(extra or {})})
            item_id = self.identifier(entry, where, seen)
            flags = {
                flag: self.boolean(entry, flag, where, default) for flag, default in (extra or {}).items()
            }
            result.append(make(id=item_id, wording=self.wording(entry, "name", where), **flags))
        return tuple(result)

    def identifier(self, entry: dict[str, Any], where: str, seen: set[str]) -> str:
        """The entry's id, checked to be well formed and not in `seen` (which it joins)."""
        item_id = self.text(entry, "id", where)
        if not ID.match(item_id):
            raise self.fail(f"{where}.id", _(
                "{id} is not a valid id: use lowercase letters, digits and _ (starting with a letter)"
            ).format(id=repr(item_id)))  # fmt: skip
        if item_id in seen:
            raise self.fail(
                f"{where}.id", _("{id} is listed twice; ids must be unique").format(id=repr(item_id))
            )
        seen.add(item_id)
        return item_id

    def clock_time(self, data: dict[str, Any], key: str, key_path: str, default: time) -> time:
        value = data.get(key)
        if value is None:
            return default
        if isinstance(value, int) and not isinstance(value, bool) and 60 <= value < 24 * 60:
            value = f"{value // 60}:{value % 60:02d}"  # YAML reads an unquoted 14:00 as 840 minutes
        match = _CLOCK.match(str(value).strip())
        if isinstance(value, bool) or not match or int(match[1]) > 23 or int(match[2]) > 59:
            expected = _('expected a time of day like "14:00", got {value}')
            raise self.fail(join(key_path, key), expected.format(value=repr(value)))
        return time(int(match[1]), int(match[2]))


def every_language(words: Wording) -> list[str]:
    return [words.default, *(text for _language, text in words.by_language)]


def join(key_path: str, key: str) -> str:
    return f"{key_path}.{key}" if key_path else key
