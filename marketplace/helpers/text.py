"""Vietnamese folding: the one definition used by search, the importer and page slugs.

Unicode decomposition drops the tone and vowel marks but leaves "đ" alone (it is a
letter of its own, not d plus a mark), so it is mapped to "d" first.
"""

import re
import unicodedata

from django.utils.text import slugify

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case ASCII-ish form: "Đường thốt nốt" -> "duong thot not"."""
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", stripped.lower()).strip()


def folded_slug(text: str, max_length: int = 80, fallback: str = "trang") -> str:
    """ASCII slug of Vietnamese text: "Mứt mãng cầu Đông Hải" → "mut-mang-cau-dong-hai".

    ``fallback`` when nothing is left (a title of punctuation only).
    """
    slug = slugify(fold(text))[:max_length].strip("-")
    return slug or fallback
