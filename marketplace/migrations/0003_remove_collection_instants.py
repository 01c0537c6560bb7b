# Its own migration (own transaction) after the data copy, for PostgreSQL.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("marketplace", "0002_collection_schedule_dates")]
    operations = [
        migrations.RemoveField(model_name="collection", name="go_live_at"),
        migrations.RemoveField(model_name="collection", name="expire_at"),
    ]
