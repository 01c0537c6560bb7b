"""A spreadsheet upload in the admin: whose it is, where it stands, what it found."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SpreadsheetUpload(models.Model):
    """One file (and its ZIP of photos) on its way from the preview to the import.

    The files themselves sit in a private folder named by ``id``
    (catalog/spreadsheet/storage.py); only ``user`` opens the upload again, so a
    preview is never taken back from the browser. The progress fields are what
    the page polls while a task validates or imports.
    """

    class Status(models.TextChoices):
        VALIDATING = "validating", _("Đang kiểm tra")
        INVALID = "invalid", _("Có lỗi")
        READY = "ready", _("Sẵn sàng nhập")
        IMPORTING = "importing", _("Đang nhập")
        DONE = "done", _("Đã nhập")
        FAILED = "failed", _("Không nhập được")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tải lên"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    seller = models.ForeignKey(
        "sellers.SellerPage",
        verbose_name=_("người bán"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    publish = models.BooleanField(_("đăng ngay"), default=False)
    file_name = models.CharField(_("tệp"), max_length=255)
    photos_name = models.CharField(_("tệp ảnh"), max_length=255, blank=True)
    status = models.CharField(
        _("trạng thái"),
        max_length=12,
        choices=Status.choices,
        default=Status.VALIDATING,
    )
    rows_total = models.PositiveIntegerField(_("số dòng"), default=0)
    rows_done = models.PositiveIntegerField(_("số dòng đã xử lý"), default=0)
    # [{"line", "product", "status", "sales", "content", "errors": [[heading, msg]]}]
    preview = models.JSONField(_("xem trước"), default=list, blank=True)
    errors = models.JSONField(_("lỗi"), default=list, blank=True)
    summary = models.JSONField(_("kết quả"), default=list, blank=True)
    created_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("bảng tính tải lên")
        verbose_name_plural = _("bảng tính tải lên")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name

    @property
    def in_progress(self) -> bool:
        return self.status in (self.Status.VALIDATING, self.Status.IMPORTING)

    @property
    def percent(self) -> int:
        if not self.rows_total:
            return 0
        return min(100, round(100 * self.rows_done / self.rows_total))
