# Its own migration (own transaction): PostgreSQL refuses to alter a table with
# the data migration's pending trigger events.
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("sellers", "0005_adminunit_slug")]
    operations = [
        migrations.AlterField(
            model_name="adminunit",
            name="slug",
            field=models.SlugField(max_length=100, unique=True, verbose_name="đường dẫn"),
        ),
    ]
