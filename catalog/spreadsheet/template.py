"""The downloadable XLSX template: Vietnamese headings, one example row, and a
second sheet explaining each column. The upload reads these headings as well as
the column names of ``import_products`` (catalog.importing.reading.HEADINGS)."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from catalog.importing import COLUMNS, REQUIRED_COLUMNS
from catalog.importing.reading import HEADINGS
from catalog.models import Category
from sellers.models import SellerPage, SellerType

_BOLD = Font(bold=True)
_REQUIRED_FILL = PatternFill("solid", fgColor="FCE8B2")


def _explanations() -> dict[str, str]:
    return {
        "seller_name": _("Để trống: sản phẩm của người bán đã chọn khi tải lên."),
        "seller_type": _("Để trống, hoặc một trong: %(choices)s.")
        % {"choices": ", ".join(SellerType.values)},
        "tax_code": _("Để trống, hoặc mã số thuế của người bán (10 hoặc 13 số)."),
        "commune": _("Xã/phường xuất xứ (tên theo danh sách năm 2025 hoặc mã)."),
        "district": _("Huyện cũ trước năm 2025 (không bắt buộc)."),
        "product_name": _(
            "Tên sản phẩm. Tên trùng một sản phẩm đã có của người bán thì dòng "
            "cập nhật sản phẩm đó."
        ),
        "category": _("Mã danh mục: %(choices)s."),
        "price_vnd": _(
            "Giá bán, số đồng (125000 hoặc 125.000). Đổi giá không cần duyệt lại."
        ),
        "unit": _("Đơn vị tính: hộp, kg, chai..."),
        "description": _("Mô tả sản phẩm; xuống dòng để tách đoạn."),
        "ocop_stars": _("3, 4 hoặc 5 nếu sản phẩm đạt OCOP; Sở sẽ xác minh."),
        "ocop_certificate_no": _("Số quyết định công nhận OCOP."),
        "ocop_issued": _("Ngày quyết định OCOP, dạng dd/mm/yyyy."),
        "stock": _("Số lượng còn; để trống nếu không theo dõi. Không cần duyệt lại."),
        "image": _(
            "Tên tệp ảnh trong tệp ZIP tải kèm; nhiều ảnh cách nhau bằng dấu ; "
            "(ảnh đầu là ảnh đại diện). Ảnh JPEG, PNG hoặc WebP."
        ),
    }


def _example(seller: SellerPage | None, category: str) -> dict[str, str]:
    return {
        "seller_name": seller.title if seller else "",
        "seller_type": seller.seller_type if seller else "",
        "tax_code": (seller.tax_code or "") if seller else "",
        "commune": seller.commune.name if seller and seller.commune_id else "",
        "product_name": _("Kẹo dừa sáp hộp 500 g"),
        "category": category,
        "price_vnd": "125000",
        "unit": _("hộp"),
        "description": _("Kẹo dừa làm tay từ dừa sáp Cầu Kè."),
        "stock": "50",
        "image": "keo-dua-sap.jpg",
    }


def template_workbook(seller: SellerPage | None = None) -> bytes:
    """The template as XLSX bytes, its example row filled for ``seller``."""
    categories = list(
        Category.objects.order_by("sort_order").values_list("slug", flat=True)
    )
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Sản phẩm")
    sheet.append([str(HEADINGS[column]) for column in COLUMNS])
    example = _example(seller, categories[0] if categories else "")
    sheet.append([example.get(column, "") for column in COLUMNS])
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = _BOLD
        if column in REQUIRED_COLUMNS and not column.startswith("seller_"):
            cell.fill = _REQUIRED_FILL
        sheet.column_dimensions[get_column_letter(index)].width = 22
    sheet.freeze_panes = "A2"
    if categories:
        letter = get_column_letter(COLUMNS.index("category") + 1)
        choice = DataValidation(
            type="list", formula1='"' + ",".join(categories) + '"', allow_blank=True
        )
        sheet.add_data_validation(choice)
        choice.add(f"{letter}2:{letter}5000")
    _guide(workbook.create_sheet(_("Hướng dẫn")), categories)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _guide(sheet, categories: list[str]) -> None:
    explanations = _explanations()
    explanations["category"] = explanations["category"] % {
        "choices": ", ".join(categories)
    }
    sheet.append(
        [_("Cột"), _("Tên cột (import_products)"), _("Bắt buộc"), _("Cách ghi")]
    )
    for cell in sheet[1]:
        cell.font = _BOLD
    for column in COLUMNS:
        required = column in REQUIRED_COLUMNS and not column.startswith("seller_")
        sheet.append(
            [
                str(HEADINGS[column]),
                column,
                _("có") if required else _("không"),
                explanations[column],
            ]
        )
    for letter, width in zip("ABCD", (22, 24, 10, 90), strict=True):
        sheet.column_dimensions[letter].width = width
