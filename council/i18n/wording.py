"""A name or statement the workspace's configuration gives, in one language or in several."""

from __future__ import annotations

from dataclasses import dataclass

from council.i18n import DEFAULT, PSEUDO, _, current_language, mark


@dataclass(frozen=True)
class Wording:
    """Shown with `str()`, in the current language: the words given for it, else the default.

    `by_language` holds what the configuration says per language (`name: {nl: Facturatie, en: Bills}`);
    a plain string means every language. Texts of the product itself (`from_catalogue`) are
    translated through the catalogues instead.
    """

    default: str
    by_language: tuple[tuple[str, str], ...] = ()
    from_catalogue: bool = False

    @classmethod
    def of(cls, words: str | dict[str, str]) -> Wording:
        """From a plain string or a {language: words} mapping (the English words, else the first, are the default)."""
        if isinstance(words, str):
            return cls(words)
        default = words.get(DEFAULT) or next(iter(words.values()))
        return cls(default, tuple(words.items()))

    def __str__(self) -> str:
        language = current_language()
        if language == PSEUDO:
            return mark(self.default)
        for lang, words in self.by_language:
            if lang == language:
                return words
        return _(self.default) if self.from_catalogue else self.default


def shown(words: Wording | str) -> str:
    """Configured words in the current language (plain strings are the same in every language)."""
    return str(words)
