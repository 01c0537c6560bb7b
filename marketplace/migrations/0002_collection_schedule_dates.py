"""Collections on a schedule by local dates (inclusive) instead of instants."""

import datetime

from django.db import migrations, models
from django.utils import timezone


def to_dates(apps, schema_editor):
    Collection = apps.get_model("marketplace", "Collection")
    for collection in Collection.objects.exclude(
        go_live_at__isnull=True, expire_at__isnull=True
    ):
        if collection.go_live_at:
            collection.starts_at = timezone.localdate(collection.go_live_at)
        if collection.expire_at:
            # expire_at was the first instant hidden; ends_at is the last day shown.
            last = collection.expire_at - datetime.timedelta(microseconds=1)
            collection.ends_at = timezone.localdate(last)
        collection.save(update_fields=["starts_at", "ends_at"])


class Migration(migrations.Migration):
    dependencies = [("marketplace", "0001_initial")]
    operations = [
        migrations.AddField(
            model_name="collection",
            name="starts_at",
            field=models.DateField(
                blank=True,
                help_text="dd/mm/yyyy; để trống: hiển thị ngay.",
                null=True,
                verbose_name="bắt đầu hiển thị",
            ),
        ),
        migrations.AddField(
            model_name="collection",
            name="ends_at",
            field=models.DateField(
                blank=True,
                help_text="Ngày cuối cùng còn hiển thị; để trống: không hết hạn.",
                null=True,
                verbose_name="kết thúc hiển thị",
            ),
        ),
        migrations.RunPython(to_dates, migrations.RunPython.noop),
    ]
