"""manage.py restore: the newest (or a named) backup of the database and media."""

import sys

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from marketplace.backups import newest_backup


class Command(BaseCommand):
    help = (
        "Khôi phục cơ sở dữ liệu và thư mục media từ bản sao lưu mới nhất trong "
        "BACKUP_DIR (hoặc các tệp được chỉ định). Dữ liệu hiện có bị ghi đè."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database-file", help="Tên tệp sao lưu cơ sở dữ liệu.")
        parser.add_argument("--media-file", help="Tên tệp sao lưu media (.tar.gz).")
        parser.add_argument(
            "--no-media", action="store_true", help="Chỉ khôi phục cơ sở dữ liệu."
        )
        parser.add_argument(
            "--noinput",
            action="store_false",
            dest="interactive",
            help="Không hỏi xác nhận (cron, kịch bản).",
        )

    def handle(self, *args, **options):
        database_file = options["database_file"] or newest_backup("db")
        media_file = None
        if not options["no_media"]:
            media_file = options["media_file"] or newest_backup("media")
        if database_file is None or (media_file is None and not options["no_media"]):
            raise CommandError(f"Không có bản sao lưu nào trong {settings.BACKUP_DIR}.")
        self.stdout.write(f"Cơ sở dữ liệu: {database_file}")
        if media_file:
            self.stdout.write(f"Media: {media_file}")
        if options["interactive"] and not self._confirmed():
            raise CommandError("Đã huỷ: không khôi phục gì.")
        quiet = {"interactive": False, "verbosity": options["verbosity"]}
        call_command(
            "dbrestore", input_filename=database_file, uncompress=True, **quiet
        )
        if media_file:
            call_command(
                "mediarestore",
                input_filename=media_file,
                uncompress=True,
                replace=True,
                **quiet,
            )
        # Menus, figures and renditions remembered from the data that was replaced.
        for alias in settings.CACHES:
            caches[alias].clear()
        self.stdout.write(
            "Đã khôi phục. Hãy dựng lại chỉ mục tìm kiếm: "
            "manage.py search_index rebuild"
        )

    def _confirmed(self) -> bool:
        if not sys.stdin.isatty():
            raise CommandError("Không có bàn phím để xác nhận: dùng --noinput.")
        answer = input("Dữ liệu hiện có sẽ bị ghi đè. Tiếp tục? [y/N] ")
        return answer.strip().lower() in ("y", "yes", "c", "có")
