"""The five shop categories and the common quality certifications."""

from django.db import migrations

CATEGORIES = [
    ("handicraft", "Thủ công mỹ nghệ", "Handicrafts", 4, 1),
    ("agro-aquatic", "Nông thủy sản", "Agro-aquatic products", 1, 2),
    ("processed-food", "Thực phẩm chế biến", "Processed food", 1, 3),
    ("beverages", "Đồ uống", "Beverages", 2, 4),
    ("household", "Hàng gia dụng", "Household goods", 4, 5),
]
CERTIFICATIONS = [
    ("vietgap", "VietGAP"),
    ("globalgap", "GlobalGAP"),
    ("organic", "Hữu cơ"),
    ("haccp", "HACCP"),
    ("iso-22000", "ISO 22000"),
]


def load(apps, schema_editor):
    Category = apps.get_model("catalog", "Category")
    Certification = apps.get_model("catalog", "Certification")
    for slug, name, name_en, group, order in CATEGORIES:
        Category.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "name_en": name_en,
                "default_ocop_group": group,
                "sort_order": order,
            },
        )
    for code, name in CERTIFICATIONS:
        Certification.objects.update_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
