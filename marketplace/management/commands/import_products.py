"""Import products (and their sellers and OCOP certificates) from a CSV or XLSX file."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from catalog.importing import (
    COLUMNS,
    ImportFileError,
    ImportValidationError,
    import_file,
    summary_lines,
)
from marketplace.site_setup import ensure_site_structure


class Command(BaseCommand):
    help = (
        "Nhập sản phẩm từ tệp .csv hoặc .xlsx (mỗi dòng một sản phẩm). Các cột: "
        + ", ".join(COLUMNS)
        + ". Kiểm tra mọi dòng trước; có lỗi thì không nhập gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="Tệp .csv hoặc .xlsx")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Đăng ngay các trang (mặc định: lưu bản nháp).",
        )
        parser.add_argument(
            "--user",
            help="Tên đăng nhập của cán bộ Sở ghi nhận việc xác minh chứng nhận OCOP.",
        )

    def handle(self, *args, **options):
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(_("Không tìm thấy tệp %(file)s.") % {"file": path})
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(
                    _("Không có người dùng “%(name)s”.") % {"name": options["user"]}
                )
        quiet = options["verbosity"] == 0

        def progress(rows):
            return tqdm(rows, desc=_("Nhập"), unit=_("dòng"), disable=quiet)

        # Sellers go under the seller directory, which the skeleton provides.
        ensure_site_structure()
        try:
            summary = import_file(
                path, publish=options["publish"], user=user, progress=progress
            )
        except ImportFileError as exc:
            raise CommandError(exc.message) from exc
        except ImportValidationError as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(
                _("Tệp có %(count)d lỗi; chưa nhập dòng nào.")
                % {"count": len(exc.errors)}
            ) from exc

        for line in summary_lines(summary):
            self.stdout.write(line)
        if summary.needing_completion:
            self.stdout.write(
                self.style.WARNING(
                    _(
                        "Chứng nhận OCOP chưa có ngày cấp (hạn dùng chưa rõ), "
                        "Sở cần bổ sung:"
                    )
                )
            )
            for line, seller, product in summary.needing_completion:
                self.stdout.write(
                    _("  dòng %(line)d: %(product)s – %(seller)s")
                    % {"line": line, "product": product, "seller": seller}
                )
        state = _("đã đăng") if options["publish"] else _("bản nháp")
        self.stdout.write(
            self.style.SUCCESS(_("Đã nhập xong (%(state)s).") % {"state": state})
        )
