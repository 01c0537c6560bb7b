"""Sites without a name get "Sàn OCOP Vĩnh Long": the admin otherwise titles
itself with the hostname ("localhost")."""

from django.db import migrations

SITE_NAME = "Sàn OCOP Vĩnh Long"


def name_sites(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    Site.objects.filter(site_name="").update(site_name=SITE_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("marketplace", "0004_vietnamese_category_slugs"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(name_sites, migrations.RunPython.noop)]
