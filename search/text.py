"""Vietnamese text helpers shared by indexing, queries and the database fallback.

Everything here is pure Python: NFC normalisation, tone-placement normalisation, and
repair of words typed with Telex or VNI leftovers when the keyboard's input method
misfired. Folding (đ→d, marks dropped) is ``marketplace.helpers.text.fold``, shared
with the importer and page slugs.
"""

import re
import unicodedata

MAX_QUERY_LENGTH = 200

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SPACES = re.compile(r"\s+")

# Old-style ("hoà", "thuỷ") and new-style ("hòa", "thủy") tone placement differ even
# after NFC; official names use the latter, so both sides are mapped to it.
# The same pairs feed the engine's char filter (documents.TONE_PLACEMENT_MAPPINGS).
_TONED = {
    "a": "àáảãạ",
    "e": "èéẻẽẹ",
    "y": "ỳýỷỹỵ",
}
_BASE_TONED = {"o": "òóỏõọ", "u": "ùúủũụ"}


def _tone_pairs() -> list[tuple[str, str]]:
    pairs = []
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in range(5):
            old = first + _TONED[second][tone]
            new = _BASE_TONED[first][tone] + second
            pairs.append((old, new))
            pairs.append((old.upper(), new.upper()))
            pairs.append((old[0].upper() + old[1], new[0].upper() + new[1]))
    return pairs


TONE_PLACEMENT_PAIRS = _tone_pairs()
_TONE_RE = re.compile("|".join(re.escape(old) for old, _new in TONE_PLACEMENT_PAIRS))
_TONE_MAP = dict(TONE_PLACEMENT_PAIRS)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def normalize(text: str, max_length: int | None = None) -> str:
    """NFC, no control characters, single spaces, optional length cap."""
    text = _SPACES.sub(" ", _CONTROL.sub(" ", nfc(text))).strip()
    if max_length is not None:
        text = text[:max_length].strip()
    return text


def normalize_tone_placement(text: str) -> str:
    return _TONE_RE.sub(lambda m: _TONE_MAP[m.group(0)], text)


# -- Telex / VNI repair -----------------------------------------------------------

_VOWELS = "aăâeêioôơuưy"
_ONSETS = "ngh ng gh gi kh nh ph qu th tr ch b c d đ g h k l m n p r s t v x".split()
_FINALS = ("ch", "ng", "nh", "c", "m", "n", "p", "t", "")
# Vowel nuclei of Vietnamese syllables (without tones), longest first.
_NUCLEI = sorted(
    """a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo
    ua uâ uê ui uô uơ ưa ưi ươ ưu uy iêu oai oay oeo uây uôi uya uyê uyu ươi ươu yê
    yêu""".split(),
    key=len,
    reverse=True,
)
_TONE_MARKS = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]  # 1 sắc .. 5 nặng
_TELEX_TONES = {"s": 1, "f": 2, "r": 3, "x": 4, "j": 5}
_VNI_TONES = {"1": 1, "2": 2, "3": 3, "4": 4, "5": 5}
_CIRCUMFLEX = {"a": "â", "e": "ê", "o": "ô"}
_HORN = {"o": "ơ", "u": "ư"}
_BREVE = {"a": "ă"}


def _split_syllable(word: str) -> tuple[str, str, str] | None:
    """(onset, nucleus, final) when ``word`` (toneless, lower case) is a syllable."""
    onsets = sorted(_ONSETS, key=len, reverse=True) + [""]
    for onset in onsets:
        if not word.startswith(onset):
            continue
        rest = word[len(onset) :]
        if onset == "gi" and rest and rest[0] not in _VOWELS:
            onset, rest = "g", word[1:]
        for nucleus in _NUCLEI:
            if rest.startswith(nucleus) and rest[len(nucleus) :] in _FINALS:
                return onset, nucleus, rest[len(nucleus) :]
    return None


def _tone_index(nucleus: str, final: str) -> int:
    """Which vowel of the nucleus carries the tone (new-style placement)."""
    for marked in ("ơ", "ê", "â", "ă", "ô", "ư"):
        if marked in nucleus:
            return nucleus.rindex(marked) if marked == "ơ" else nucleus.index(marked)
    if final or len(nucleus) == 1:
        return len(nucleus) - 1
    if len(nucleus) == 3:
        return 1
    return 0


def _compose(word: str, tone: int) -> str | None:
    parts = _split_syllable(word)
    if parts is None:
        return None
    onset, nucleus, final = parts
    if tone and final in ("c", "ch", "p", "t") and tone not in (1, 5):
        return None  # stopped syllables only take sắc or nặng
    if tone:
        at = _tone_index(nucleus, final)
        nucleus = (
            nucleus[:at]
            + unicodedata.normalize("NFC", nucleus[at] + _TONE_MARKS[tone])
            + nucleus[at + 1 :]
        )
    return onset + nucleus + final


def _apply_telex(word: str) -> str | None:
    tone = 0
    if len(word) > 2 and word[-1] in _TELEX_TONES:
        tone, word = _TELEX_TONES[word[-1]], word[:-1]
    word = word.replace("dd", "đ")
    word = re.sub(r"uow|uwow|uwo", "ươ", word)
    word = re.sub(r"([aeo])\1", lambda m: _CIRCUMFLEX[m.group(1)], word)
    word = re.sub(
        r"([aou])w", lambda m: {"a": "ă", "o": "ơ", "u": "ư"}[m.group(1)], word
    )
    if "w" in word or re.search(r"[fjwz]", word):
        return None
    return _compose(word, tone)


def _apply_vni(word: str) -> str | None:
    tone = 0
    letters: list[str] = []
    for char in word:
        if char in _VNI_TONES:
            tone = _VNI_TONES[char]
            continue
        if char in "6789":
            table = {"6": _CIRCUMFLEX, "7": _HORN, "8": _BREVE, "9": {"d": "đ"}}[char]
            for i in range(len(letters) - 1, -1, -1):
                if letters[i] in table:
                    letters[i] = table[letters[i]]
                    if (
                        char == "7"
                        and letters[i] == "ơ"
                        and i
                        and letters[i - 1] == "u"
                    ):
                        letters[i - 1] = "ư"
                    break
            else:
                return None
            continue
        letters.append(char)
    return _compose("".join(letters), tone)


_TELEX_HINT = re.compile(r"dd|aa|ee|oo|[aou]w|[a-z][sfrxj]$")
_VNI_WORD = re.compile(r"^[a-z][a-z1-9]*[1-9][a-z1-9]*$")


def repair_input_method(query: str) -> str:
    """Convert words typed with Telex or VNI keys into Vietnamese letters.

    Cautious: a word changes only when it is not already a Vietnamese syllable and
    the conversion yields one, so brand names and English words stay as typed.
    """
    words = query.split(" ")
    repaired = []
    for word in words:
        lower = word.lower()
        candidate = None
        if lower.isascii() and lower.isalnum() and _split_syllable(lower) is None:
            if _VNI_WORD.match(lower):
                candidate = _apply_vni(lower)
            elif lower.isalpha() and _TELEX_HINT.search(lower):
                candidate = _apply_telex(lower)
        repaired.append(candidate or word)
    return " ".join(repaired)


def prepare_query(raw: str) -> str:
    """What the shopper typed, ready for the engine or the fallback."""
    return repair_input_method(normalize(raw, MAX_QUERY_LENGTH))
