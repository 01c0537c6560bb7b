"""manage.py backup: the database and the media folder, into BACKUP_DIR."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from marketplace.backups import backup_files


class Command(BaseCommand):
    help = (
        "Sao lưu cơ sở dữ liệu và thư mục media (ảnh, tài liệu) vào BACKUP_DIR, "
        "mỗi bản một tệp nén có ghi thời điểm (django-dbbackup)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-media", action="store_true", help="Chỉ sao lưu cơ sở dữ liệu."
        )
        parser.add_argument(
            "--clean",
            action="store_true",
            help="Sau khi sao lưu, chỉ giữ BACKUP_KEEP bản mới nhất của mỗi loại.",
        )

    def handle(self, *args, **options):
        settings.BACKUP_DIR.mkdir(parents=True, exist_ok=True)
        # An empty media folder backs up as an empty archive, not an error.
        Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
        before = set(backup_files())
        common = {
            "compress": True,
            "clean": options["clean"],
            "interactive": False,
            "verbosity": options["verbosity"],
        }
        call_command("dbbackup", **common)
        if not options["no_media"]:
            call_command("mediabackup", **common)
        for name in sorted(set(backup_files()) - before):
            self.stdout.write(f"Đã sao lưu: {settings.BACKUP_DIR / name}")
