"""Load the 124 communes and wards of the merged province (NQ 1687/NQ-UBTVQH15)."""

import csv
from pathlib import Path

from django.db import migrations

UNITS_CSV = Path(__file__).resolve().parent.parent / "data" / "vinhlong_units_2025.csv"


def load_units(apps, schema_editor):
    AdminUnit = apps.get_model("sellers", "AdminUnit")
    with UNITS_CSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            AdminUnit.objects.update_or_create(
                code=row["admin_code"],
                defaults={
                    "name": row["name"],
                    "full_name": row["full_name"],
                    "unit_type": row["type_per_NQ1687"],
                    "former_province": row["former_province"],
                    "former_district_hint": row["former_district_hint"],
                },
            )


class Migration(migrations.Migration):
    dependencies = [("sellers", "0001_initial")]
    operations = [migrations.RunPython(load_units, migrations.RunPython.noop)]
