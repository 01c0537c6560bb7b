"""The department's programme dashboard: counts of the OCOP programme on the floor,
their charts and their exports (Wagtail report views)."""
