"""A slug for every commune and ward: its commune page's address (/xa-phuong/<slug>/)."""

from django.db import migrations, models
from django.utils.text import slugify

from marketplace.helpers.text import fold


def fill_slugs(apps, schema_editor):
    AdminUnit = apps.get_model("sellers", "AdminUnit")
    taken = set()
    for unit in AdminUnit.objects.order_by("code"):
        slug = slugify(fold(unit.name))
        if slug in taken:
            slug = f"{slug}-{unit.code}"
        taken.add(slug)
        unit.slug = slug
        unit.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [("sellers", "0004_shipping_terms")]
    operations = [
        migrations.AddField(
            model_name="adminunit",
            name="slug",
            field=models.SlugField(
                max_length=100, null=True, verbose_name="đường dẫn"
            ),
        ),
        migrations.RunPython(fill_slugs, migrations.RunPython.noop),
    ]
