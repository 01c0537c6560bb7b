"""Input formats for the vi admin (see marketplace.formats.input_formats)."""

from marketplace.formats.input_formats import (  # noqa: F401
    DATE_INPUT_FORMATS,
    DATETIME_INPUT_FORMATS,
)
