"""Day-first input formats shared by every admin language.

The admin's date pickers render WAGTAIL_DATE_FORMAT (dd/mm/yyyy); Django's English
locale would read "06/05/2024" back as 5 June, so both languages parse day first.
"""

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]
