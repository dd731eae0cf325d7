"""Words as search and the duplicate check compare them: case and accents set aside ("ë" finds "e", and
"e" finds "ë"), and the most common English and Dutch words left out of the duplicate check."""

from __future__ import annotations

import re
import unicodedata

# Words too common to tell two friction titles apart, English and Dutch, as `fold` writes them (words
# of one or two letters are ignored anyway).
_COMMON = """
    the and for are but not you your yours with was were has have had that this these those from after
    before when what which who why how every they them their then than into only our ours out all any
    can cannot can't could would should will just also very get got gets does did didn't don't doesn't
    isn't wasn't won't about again there here its it's i'm i've we're you're

    een het van dat die dit deze met voor niet aan maar ook als bij nog wel naar dan door over wat zijn
    kan kunnen wordt worden werd heeft hebben had was waren geen mijn jullie hun ons onze jouw hij zij
    wij toen want dus omdat wanneer waar wie waarom hoe elk elke alle alles iets niets moet moeten zou
    zouden kon wil willen gaat gaan krijg krijgt krijgen kreeg eerst tegen zonder onder tussen toch meer
    veel weer even heel zelf per uit tot hier daar eens keer
"""
STOP_WORDS = frozenset(_COMMON.split())


def fold(text: str | None) -> str:
    """`text` in lower case without accents, as every search compares it."""
    decomposed = unicodedata.normalize("NFKD", (text or "").lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_words(text: str | None) -> tuple[str, ...]:
    """The words of a search, folded; every one of them must occur for a record to match (ten at most)."""
    return tuple(dict.fromkeys(w for w in re.split(r"\s+", fold(text)) if w))[:10]
