"""Build the demo catalogue through the product importer, plus demo logins."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from catalog.demo import (
    build_demo_records,
    demo_logins,
    demo_password,
    ensure_demo_collections,
    ensure_seller_login,
    ensure_staff_logins,
    load_communes,
)
from catalog.importing import summary_lines, validate_records, write_rows
from marketplace.site_setup import ensure_site_structure


class Command(BaseCommand):
    help = (
        "Tạo dữ liệu mẫu: người bán và sản phẩm hư cấu (mặc định 372 người bán, "
        "1.300 sản phẩm), qua cùng bộ nhập sản phẩm. Chạy lại không thay đổi gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sellers", type=int, default=372)
        parser.add_argument("--products", type=int, default=1300)
        parser.add_argument("--seed", type=int, default=2025)

    def handle(self, *args, **options):
        started = time.monotonic()
        if options["sellers"] < 1 or options["products"] < options["sellers"]:
            raise CommandError(
                _("Cần ít nhất 1 người bán và số sản phẩm không ít hơn số người bán.")
            )
        quiet = options["verbosity"] == 0

        def progress(desc):
            return lambda rows: tqdm(rows, desc=desc, unit=_("dòng"), disable=quiet)

        ensure_site_structure()
        password = demo_password()
        moderator = ensure_staff_logins(password)
        records = build_demo_records(
            options["sellers"], options["products"], options["seed"], load_communes()
        )
        result = validate_records(records, progress=progress(_("Kiểm tra")))
        if not result.ok:
            for error in result.errors[:20]:
                self.stderr.write(str(error))
            raise CommandError(_("Dữ liệu mẫu không hợp lệ; chưa ghi gì."))
        summary = write_rows(
            result.rows,
            publish=True,
            user=moderator,
            source=f"seed_demo --seed {options['seed']}",
            progress=progress(_("Ghi")),
        )
        ensure_seller_login(records[0]["tax_code"], password)
        collections = ensure_demo_collections()

        for line in summary_lines(summary):
            self.stdout.write(line)
        self.stdout.write(_("Bộ sưu tập mới: %(n)d") % {"n": collections})
        self.stdout.write(
            self.style.SUCCESS(
                _("Xong sau %(s).1f giây.") % {"s": time.monotonic() - started}
            )
        )
        self.stdout.write(_("Tài khoản demo (trang quản trị /quan-tri/):"))
        for login in demo_logins(password):
            self.stdout.write(f"  {login.role}: {login.username} / {login.password}")
