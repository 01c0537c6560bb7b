"""Product import: the one code path behind ``import_products`` and ``seed_demo``.

A table (CSV, XLSX, or rows built in memory) goes through ``validate_rows``, which
checks every row and collects every error without writing anything, then
``write_rows``, which writes all rows in one transaction. Writing is idempotent:
sellers match by tax code, then by name; products by seller and name; certificates,
awards and images by content.

- ``reading``: the columns, errors, CSV and XLSX files.
- ``validation`` (the file), ``row_validation`` (one row), ``cells`` and
  ``extended_cells`` (one cell), ``images`` (the image column); ``rows`` holds what
  validation hands to writing.
- ``writing`` (sellers and products), ``stored_images``, ``recognition``
  (certificates and awards), ``summary`` (the counts printed).
- ``wagtail_tree``: every shortcut taken through Wagtail, and why.
- ``bulk``: the port through which layers above catalog batch their work.
"""

from pathlib import Path

from django.contrib.auth.base_user import AbstractBaseUser

from catalog.importing.images import check_image_bytes
from catalog.importing.reading import (
    CATEGORY_ALIASES,
    COLUMNS,
    EXTENDED_COLUMNS,
    REQUIRED_COLUMNS,
    ImportFileError,
    ImportValidationError,
    RowError,
    Table,
    read_table,
)
from catalog.importing.rows import ImageSource, ProductRow, Validation
from catalog.importing.summary import (
    ImportSummary,
    certificates_needing_completion,
    summary_lines,
)
from catalog.importing.validation import validate_records, validate_rows
from catalog.importing.writing import Progress, write_rows

__all__ = [
    "CATEGORY_ALIASES",
    "COLUMNS",
    "EXTENDED_COLUMNS",
    "REQUIRED_COLUMNS",
    "ImageSource",
    "ImportFileError",
    "ImportSummary",
    "ImportValidationError",
    "ProductRow",
    "RowError",
    "Table",
    "Validation",
    "certificates_needing_completion",
    "check_image_bytes",
    "import_file",
    "read_table",
    "summary_lines",
    "validate_records",
    "validate_rows",
    "write_rows",
]


def import_file(
    path: Path,
    *,
    publish: bool = False,
    user: AbstractBaseUser | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Read, validate and write one file; raise ImportValidationError on any error."""
    table = read_table(path)
    result = validate_rows(table.header, table.rows, base_dir=path.parent)
    if not result.ok:
        raise ImportValidationError(result.errors)
    return write_rows(
        result.rows, publish=publish, user=user, source=path.name, progress=progress
    )
