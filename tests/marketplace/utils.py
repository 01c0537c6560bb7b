"""Helpers of the shell's tests: reading the translation catalogues."""

import ast
from pathlib import Path


class _PoReader:
    """Reads a .po file line by line into entries: msgid, msgid_plural, msgstr
    (by plural index), msgctxt and the flags line."""

    def __init__(self):
        self.entries: list[dict] = []
        self.entry: dict | None = None
        self.field = None

    def finish(self, entry: dict | None = None) -> None:
        if self.entry is not None and self.entry.get("msgid") is not None:
            self.entries.append(self.entry)
        self.entry, self.field = entry, None

    def _open_entry(self) -> dict:
        if self.entry is None or "msgid" in self.entry:
            self.finish({"flags": "", "msgstr": {}})
        return self.entry

    def keyword(self, line: str) -> None:
        key, _space, value = line.partition(" ")
        value = ast.literal_eval(value)
        if key in ("msgctxt", "msgid"):
            self._open_entry()[key] = value
            self.field = key
        elif key == "msgid_plural":
            self.entry[key] = value
            self.field = key
        else:  # msgstr or msgstr[N]
            self.field = ("msgstr", key[7:-1] if "[" in key else "0")
            self.entry["msgstr"][self.field[1]] = value

    def continuation(self, line: str) -> None:
        if self.entry is None or not self.field:
            return
        if isinstance(self.field, tuple):
            self.entry["msgstr"][self.field[1]] += ast.literal_eval(line)
        else:
            self.entry[self.field] += ast.literal_eval(line)

    def line(self, line: str) -> None:
        if line.startswith("#,"):
            self.finish({"flags": line, "msgstr": {}})
        elif line.startswith("msg"):
            self.keyword(line)
        elif line.startswith('"'):
            self.continuation(line)
        elif not line:
            self.finish()


def read_po(path: Path) -> list[dict]:
    """Entries of a .po file: msgid, msgid_plural, msgstr list, flags."""
    reader = _PoReader()
    for raw in path.read_text(encoding="utf-8").splitlines():
        reader.line(raw.strip())
    reader.finish()
    return [e for e in reader.entries if e["msgid"]]
