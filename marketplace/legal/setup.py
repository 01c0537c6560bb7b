"""The regulations and policy pages of a new site, with Vietnamese wording drawn
from the legal notes (docs: /work/shared/data/LEGAL.md). Idempotent: pages that
exist are left as the department edited them."""

import datetime

from django.db import transaction
from wagtail.models import Page

from marketplace.legal.models import LegalIndexPage, PolicyKind, PolicyPage

D = datetime.date

# kind -> (title, slug, [(number, effective_on, summary, body HTML)])
POLICIES: dict[str, tuple[str, str, list[tuple[int, datetime.date, str, str]]]] = {
    PolicyKind.REGULATIONS: (
        "Quy chế hoạt động",
        "quy-che-hoat-dong",
        [
            (
                1,
                D(2026, 1, 1),
                "Ban hành theo Nghị định 52/2013/NĐ-CP, sửa đổi bởi Nghị định "
                "85/2021/NĐ-CP.",
                "<p>Sàn thương mại điện tử OCOP Vĩnh Long do Sở Công Thương tỉnh "
                "Vĩnh Long vận hành, đăng ký với Bộ Công Thương. Người bán là hợp "
                "tác xã, hộ kinh doanh và doanh nghiệp của tỉnh, được Sở Công "
                "Thương duyệt hồ sơ và kiểm tra thông tin định danh.</p>"
                "<p>Sản phẩm được kiểm duyệt trước khi hiển thị; huy hiệu OCOP chỉ "
                "hiển thị khi giấy chứng nhận đã được xác minh và còn hiệu lực. Sàn "
                "gỡ tin vi phạm trong 24 giờ kể từ khi có yêu cầu của cơ quan có "
                "thẩm quyền.</p>",
            ),
            (
                2,
                D(2026, 7, 1),
                "Cập nhật theo Luật Thương mại điện tử 122/2025/QH15 (hiệu lực "
                "01/07/2026).",
                "<p>Sàn thương mại điện tử OCOP Vĩnh Long do Sở Công Thương tỉnh "
                "Vĩnh Long vận hành. Người bán trong nước được định danh qua "
                "VNeID; sàn quản lý nội dung, xác thực người bán, giải quyết khiếu "
                "nại và phối hợp với cơ quan nhà nước.</p>"
                "<p>Tin đăng được đối chiếu với danh sách từ khoá trước khi hiển "
                "thị; tin vi phạm được gỡ trong 24 giờ kể từ khi có yêu cầu của cơ "
                "quan có thẩm quyền. Hàng kinh doanh có điều kiện (rượu từ 5,5 độ) "
                "chỉ được đăng khi người bán có giấy phép còn hiệu lực và chỉ bán "
                "cho người từ đủ 18 tuổi.</p>",
            ),
        ],
    ),
    PolicyKind.PRIVACY: (
        "Chính sách bảo vệ dữ liệu cá nhân",
        "chinh-sach-bao-mat",
        [
            (
                1,
                D(2026, 1, 1),
                "Theo Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 và Nghị định "
                "356/2025/NĐ-CP.",
                "<p>Sàn xin đồng ý riêng cho từng mục đích, không gộp chung: xử lý "
                "và giao đơn hàng (bắt buộc để đặt hàng); nhận tin khuyến mãi "
                "(không bắt buộc, mặc định không chọn).</p>"
                "<p>Họ tên, số điện thoại, email và địa chỉ chỉ được chia sẻ với "
                "người bán của đơn hàng và đơn vị giao hàng. Sàn không mua bán dữ "
                "liệu cá nhân. Bạn có thể rút lại đồng ý nhận tin khuyến mãi bất cứ "
                "lúc nào bằng cách liên hệ Sở Công Thương.</p>",
            ),
        ],
    ),
    PolicyKind.COMPLAINTS: (
        "Chính sách giải quyết khiếu nại",
        "chinh-sach-khieu-nai",
        [
            (
                1,
                D(2026, 1, 1),
                "",
                "<p>Người mua gửi khiếu nại về đơn hàng hoặc sản phẩm kèm mã đơn và "
                "số điện thoại. Sở Công Thương trả lời trong 7 ngày làm việc (không "
                "tính ngày nghỉ lễ), hỏi ý kiến người bán và báo kết quả cho người "
                "mua qua email ở từng bước.</p>"
                "<p>Người bán vi phạm lần thứ hai trong 12 tháng có thể bị tạm "
                "khoá tài khoản.</p>",
            ),
        ],
    ),
    PolicyKind.RETURNS: (
        "Chính sách đổi trả",
        "chinh-sach-doi-tra",
        [
            (
                1,
                D(2026, 1, 1),
                "",
                "<p>Hàng hư hỏng, sai mô tả hoặc giao nhầm được đổi hoặc hoàn tiền "
                "theo thoả thuận giữa người mua và người bán; Sở Công Thương giải "
                "quyết khi hai bên không thống nhất. Đơn thanh toán bằng thẻ được "
                "hoàn tiền qua cổng thanh toán.</p>",
            ),
        ],
    ),
    PolicyKind.SHIPPING: (
        "Chính sách giao hàng",
        "chinh-sach-giao-hang",
        [
            (
                1,
                D(2026, 1, 1),
                "",
                "<p>Mỗi người bán tự giao hàng hoặc gửi qua đơn vị vận chuyển, với "
                "phí giao hàng công bố trong giỏ hàng (miễn phí từ mức đơn hàng "
                "người bán đặt ra). Thời gian giao do người mua và người bán thoả "
                "thuận.</p>",
            ),
        ],
    ),
    PolicyKind.PAYMENT: (
        "Chính sách thanh toán",
        "chinh-sach-thanh-toan",
        [
            (
                1,
                D(2026, 1, 1),
                "",
                "<p>Người mua thanh toán khi nhận hàng (COD) hoặc bằng thẻ qua "
                "Stripe. Với thanh toán bằng thẻ do sàn thu hộ, sàn khấu trừ thuế "
                "cho hộ kinh doanh theo Nghị định 117/2025/NĐ-CP (1% thuế GTGT và "
                "0,5% thuế TNCN trên hàng hoá).</p>",
            ),
        ],
    ),
}


@transaction.atomic
def ensure_legal_pages(home: Page) -> LegalIndexPage:
    """The "Quy định và chính sách" page under ``home`` and one page per policy."""
    index = LegalIndexPage.objects.first()
    if index is None:
        index = home.add_child(
            instance=LegalIndexPage(
                title="Quy định và chính sách",
                slug="quy-dinh",
                intro="Quy chế hoạt động và các chính sách của sàn, kèm ngày có "
                "hiệu lực của từng phiên bản.",
            )
        )
    existing = set(PolicyPage.objects.values_list("kind", flat=True))
    for kind, (title, slug, versions) in POLICIES.items():
        if kind in existing:
            continue
        page = PolicyPage(title=title, slug=slug, kind=kind)
        for number, effective_on, summary, body in versions:
            page.versions.add(
                page.versions.model(
                    number=number, effective_on=effective_on, summary=summary, body=body
                )
            )
        index.add_child(instance=page)
        page.save_revision().publish()
    return index
