"""A complaint (a case) and its photos. Rules live in services.py."""

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _


def _private_storage():
    """Shoppers' photos never go under MEDIA_ROOT: served only through the admin."""
    return storages["private"]


class Reason(models.TextChoices):
    NOT_RECEIVED = "not_received", _("Không nhận được hàng")
    DAMAGED = "damaged", _("Hàng hư hỏng, kém chất lượng")
    NOT_AS_DESCRIBED = "not_as_described", _("Hàng không đúng mô tả")
    WRONG_ITEM = "wrong_item", _("Giao sai hàng hoặc thiếu hàng")
    PRICE = "price", _("Giá, phí không đúng")
    OTHER = "other", _("Lý do khác")


class Status(models.TextChoices):
    NEW = "new", _("Mới nhận")
    ASKED = "asked", _("Chờ người bán trả lời")
    REPLIED = "replied", _("Người bán đã trả lời")
    DECIDED = "decided", _("Đã có kết luận")


class Decision(models.TextChoices):
    RESOLVED = "resolved", _("Đã giải quyết")
    REFUND = "refund", _("Đồng ý hoàn tiền")
    WARNING = "warning", _("Cảnh cáo người bán")
    REJECTED = "rejected", _("Không chấp nhận khiếu nại")


# Decisions that find the seller at fault (they count towards a suspension).
UPHELD = (Decision.REFUND, Decision.WARNING)


class Complaint(models.Model):
    """One shopper's complaint about one seller's part of an order (or one of its
    products); the department asks the seller, then decides."""

    reference = models.CharField(_("mã khiếu nại"), max_length=12, unique=True)
    order = models.ForeignKey(
        "checkout.Order",
        verbose_name=_("đơn hàng"),
        on_delete=models.PROTECT,
        related_name="complaints",
    )
    seller = models.ForeignKey(
        "sellers.SellerPage",
        verbose_name=_("người bán"),
        on_delete=models.PROTECT,
        related_name="complaints",
    )
    line = models.ForeignKey(
        "checkout.OrderLine",
        verbose_name=_("sản phẩm"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="complaints",
    )
    product_title = models.CharField(_("tên sản phẩm"), max_length=255, blank=True)
    reason = models.CharField(_("lý do"), max_length=20, choices=Reason.choices)
    text = models.TextField(_("nội dung"), max_length=3000)
    email = models.EmailField(_("email người mua"), blank=True)
    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=Status.choices,
        default=Status.NEW,
        db_index=True,
    )
    filed_at = models.DateTimeField(_("nhận lúc"), db_index=True)
    due_on = models.DateField(_("hạn trả lời"))
    question = models.TextField(_("câu hỏi cho người bán"), blank=True)
    asked_at = models.DateTimeField(_("hỏi người bán lúc"), null=True, blank=True)
    seller_reply = models.TextField(_("trả lời của người bán"), blank=True)
    replied_at = models.DateTimeField(_("người bán trả lời lúc"), null=True, blank=True)
    decision = models.CharField(
        _("kết luận"), max_length=10, choices=Decision.choices, blank=True
    )
    decision_text = models.TextField(_("nội dung kết luận"), blank=True)
    decided_at = models.DateTimeField(_("kết luận lúc"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người kết luận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    suspension_proposed = models.BooleanField(
        _("đề xuất tạm ngưng người bán"), default=False
    )

    class Meta:
        ordering = ["-filed_at", "-pk"]
        verbose_name = _("khiếu nại")
        verbose_name_plural = _("khiếu nại")

    def __str__(self) -> str:
        return self.reference

    @property
    def upheld(self) -> bool:
        return self.decision in UPHELD


class ComplaintPhoto(models.Model):
    complaint = models.ForeignKey(
        Complaint, on_delete=models.CASCADE, related_name="photos"
    )
    file = models.FileField(
        _("ảnh"),
        storage=_private_storage,
        upload_to="complaints/%Y/%m/",
        max_length=200,
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("ảnh khiếu nại")
        verbose_name_plural = _("ảnh khiếu nại")

    def __str__(self) -> str:
        return self.file.name
