"""Signals of the catalogue for the layers above it (search listens)."""

from django.dispatch import Signal

# Price, stock or availability of products changed outside a publish
# (catalog.sales_data): ``page_ids`` names them.
sales_data_changed = Signal()
