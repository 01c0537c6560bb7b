"""Every table of the dashboard, once: its columns and where its rows come from.

The dashboard shows each table (or its first rows) and its report view
(``reports.py``) shows all of it and exports the same rows to XLSX and CSV.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from marketplace.programme import figures


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    # The cell links to this URL (the product's edit page, for instance).
    link: Callable[[object], str] | None = None


@dataclass(frozen=True)
class Table:
    key: str
    slug: str
    title: str
    fields: tuple[Field, ...]
    # (limit or None) -> the rows, all of them without a limit.
    rows: Callable[[int | None], list]
    # Rows shown on the dashboard itself; the report has them all.
    preview: int | None = None

    @property
    def url_name(self) -> str:
        return f"programme:{self.key}"

    def preview_rows(self) -> list:
        return self.rows(self.preview)


def _catalogue(name: str) -> Callable[[int | None], list]:
    return lambda limit=None: figures.catalogue_figures()[name][:limit]


def _product_edit_url(row) -> str:
    return reverse("wagtailadmin_pages:edit", args=[row.pk])


def _certificate_product_url(row) -> str:
    return reverse("wagtailadmin_pages:edit", args=[row.product_id])


SELLERS = Field("sellers", _("Người bán"))
SELLERS_WITH_PRODUCTS = Field("sellers", _("Người bán có sản phẩm"))
PRODUCTS = Field("products", _("Sản phẩm đang bán"))
# The columns of the expiring and the lapsed certificates' tables.
CERTIFICATE_FIELDS = (
    Field("product", _("Sản phẩm"), link=_certificate_product_url),
    Field("seller", _("Người bán")),
    Field("stars", _("Số sao")),
    Field("decision_number", _("Số quyết định")),
    Field("expires_on_text", _("Hết hạn")),
)

TABLES: dict[str, Table] = {
    table.key: table
    for table in (
        Table(
            "share",
            "ty-le-ocop",
            _("Tỷ lệ sản phẩm OCOP hoặc CNNT tiêu biểu"),
            (
                Field("label", _("Nhóm")),
                Field("products", _("Sản phẩm")),
                Field("total", _("Tổng sản phẩm đang bán")),
                Field("percent", _("Tỷ lệ")),
            ),
            _catalogue("share"),
        ),
        Table(
            "category",
            "danh-muc",
            _("Theo danh mục"),
            (Field("label", _("Danh mục")), SELLERS_WITH_PRODUCTS, PRODUCTS),
            _catalogue("category"),
        ),
        Table(
            "stars",
            "sao-ocop",
            _("Theo số sao OCOP"),
            (Field("label", _("Số sao")), SELLERS_WITH_PRODUCTS, PRODUCTS),
            _catalogue("stars"),
        ),
        Table(
            "ocop_group",
            "nhom-ocop",
            _("Theo nhóm sản phẩm OCOP"),
            (Field("label", _("Nhóm sản phẩm")), SELLERS_WITH_PRODUCTS, PRODUCTS),
            _catalogue("ocop_group"),
        ),
        Table(
            "commune",
            "xa-phuong",
            _("Theo xã/phường"),
            (Field("label", _("Xã/phường")), SELLERS, PRODUCTS),
            _catalogue("commune"),
            preview=15,
        ),
        Table(
            "seller_type",
            "loai-hinh",
            _("Theo loại hình người bán"),
            (Field("label", _("Loại hình")), SELLERS, PRODUCTS),
            _catalogue("seller_type"),
        ),
        Table(
            "missing",
            "thieu-thong-tin",
            _("Sản phẩm thiếu ảnh, giá hoặc mô tả"),
            (
                Field("title", _("Sản phẩm"), link=_product_edit_url),
                Field("seller", _("Người bán")),
                Field("missing", _("Còn thiếu")),
            ),
            _catalogue("missing"),
            preview=10,
        ),
        Table(
            "expiring",
            "sap-het-han",
            _("Chứng nhận OCOP hết hạn trong 90 ngày"),
            (*CERTIFICATE_FIELDS, Field("days_left", _("Còn (ngày)"))),
            _catalogue("expiring"),
            preview=10,
        ),
        Table(
            "lapsed",
            "da-het-han",
            _("Chứng nhận OCOP đã hết hạn trong 90 ngày qua (sản phẩm mất huy hiệu)"),
            (*CERTIFICATE_FIELDS, Field("days_ago", _("Đã qua (ngày)"))),
            _catalogue("lapsed"),
            preview=10,
        ),
        Table(
            "applications",
            "ho-so-moi",
            _("Hồ sơ đăng ký bán hàng trong 30 ngày"),
            (
                Field("label", _("Trạng thái")),
                Field("applications", _("Số hồ sơ")),
            ),
            figures.applications,
        ),
        Table(
            "top_queries",
            "tu-khoa",
            _("Từ khoá tìm nhiều nhất (30 ngày)"),
            (
                Field("query", _("Từ khoá")),
                Field("searches", _("Lượt tìm")),
                Field("average_results", _("Kết quả trung bình")),
                Field("last_seen", _("Lần cuối")),
            ),
            figures.top_queries,
            preview=10,
        ),
        Table(
            "zero_queries",
            "khong-ket-qua",
            _("Từ khoá không có kết quả (30 ngày)"),
            (
                Field("query", _("Từ khoá")),
                Field("searches", _("Lượt tìm")),
                Field("last_seen", _("Lần cuối")),
            ),
            figures.zero_result_queries,
            preview=10,
        ),
    )
}
