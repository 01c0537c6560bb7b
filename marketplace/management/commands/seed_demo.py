"""Build the demo catalogue through the product importer, plus demo logins."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from catalog.importing import summary_lines
from marketplace.demo import demo_logins, demo_password, seed_demo


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
        labels = {"check": _("Kiểm tra"), "write": _("Ghi")}

        def progress(step):
            return lambda rows: tqdm(
                rows, desc=labels[step], unit=_("dòng"), disable=quiet
            )

        password = demo_password()
        done = seed_demo(
            sellers=options["sellers"],
            products=options["products"],
            seed=options["seed"],
            password=password,
            progress=progress,
        )
        if done.errors:
            for error in done.errors[:20]:
                self.stderr.write(str(error))
            raise CommandError(_("Dữ liệu mẫu không hợp lệ; chưa ghi gì."))

        for line in summary_lines(done.summary):
            self.stdout.write(line)
        self.stdout.write(_("Bộ sưu tập mới: %(n)d") % {"n": done.collections})
        self.stdout.write(
            self.style.SUCCESS(
                _("Xong sau %(s).1f giây.") % {"s": time.monotonic() - started}
            )
        )
        self.stdout.write(_("Tài khoản demo (trang quản trị /quan-tri/):"))
        for login in demo_logins(password):
            self.stdout.write(f"  {login.role}: {login.username} / {login.password}")
