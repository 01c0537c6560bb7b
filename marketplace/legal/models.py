"""The owner's information (a Wagtail setting) and the versioned policy pages.

Decree 52/2013 (as amended by Decree 85/2021) asks a trading floor to publish its
owner's information and its operating regulations; the policies (privacy,
complaints, returns, shipping, payment) are pages beside them. Each page keeps
its versions, every one with the date it took effect: the page shows the version
in force, lists the earlier ones, and each stays readable at its own address.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from marketplace.formatting import format_date
from marketplace.page_mixins import FoldedSlugMixin


@register_setting(icon="site")
class OwnerDisclosure(BaseGenericSetting):
    """Who runs the floor, shown in every page's footer."""

    owner_name = models.CharField(
        _("tên đơn vị chủ quản"),
        max_length=200,
        default="Sở Công Thương tỉnh Vĩnh Long",
    )
    address = models.CharField(
        _("địa chỉ"), max_length=255, default="Phường Long Châu, tỉnh Vĩnh Long"
    )
    phone = models.CharField(_("điện thoại"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    registration_number = models.CharField(
        _("số đăng ký sàn với Bộ Công Thương"),
        max_length=120,
        blank=True,
        help_text=_(
            "Số xác nhận đăng ký sàn giao dịch thương mại điện tử với Bộ Công "
            "Thương (Nghị định 52/2013, sửa đổi bởi Nghị định 85/2021)."
        ),
    )
    responsible_person = models.CharField(
        _("người chịu trách nhiệm"),
        max_length=200,
        default="Giám đốc Sở Công Thương tỉnh Vĩnh Long",
    )

    panels = [
        FieldPanel("owner_name"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("registration_number"),
        FieldPanel("responsible_person"),
    ]

    class Meta:
        verbose_name = _("thông tin chủ sở hữu sàn")


class PolicyKind(models.TextChoices):
    REGULATIONS = "regulations", _("Quy chế hoạt động")
    PRIVACY = "privacy", _("Chính sách bảo vệ dữ liệu cá nhân")
    COMPLAINTS = "complaints", _("Chính sách giải quyết khiếu nại")
    RETURNS = "returns", _("Chính sách đổi trả")
    SHIPPING = "shipping", _("Chính sách giao hàng")
    PAYMENT = "payment", _("Chính sách thanh toán")


class LegalIndexPage(FoldedSlugMixin, Page):
    """ "Quy định và chính sách": the regulations and policies, listed."""

    intro = models.TextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["marketplace.HomePage"]
    subpage_types = ["legal.PolicyPage"]
    max_count = 1
    template = "legal/legal_index_page.html"

    class Meta:
        verbose_name = _("trang quy định và chính sách")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["policies"] = PolicyPage.objects.child_of(self).live()
        return context


class PolicyPage(RoutablePageMixin, FoldedSlugMixin, Page):
    """One policy (or the operating regulations) with its dated versions."""

    kind = models.CharField(
        _("loại văn bản"), max_length=20, choices=PolicyKind.choices, unique=True
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        InlinePanel("versions", label=_("Phiên bản"), min_num=1),
    ]
    parent_page_types = ["legal.LegalIndexPage"]
    subpage_types: list[str] = []
    template = "legal/policy_page.html"

    class Meta:
        verbose_name = _("quy định / chính sách")
        verbose_name_plural = _("quy định và chính sách")

    def in_force(self, on: datetime.date | None = None) -> "PolicyVersion | None":
        """The version in force: the latest to have taken effect."""
        on = on or timezone.localdate()
        return (
            self.versions.filter(effective_on__lte=on)
            .order_by("-effective_on", "-number")
            .first()
        )

    @path("")
    def current(self, request):
        version = self.in_force()
        return self.render(request, context_overrides=self._context(version))

    @path("phien-ban/<int:number>/", name="version")
    def version(self, request, number: int):
        version = self.versions.filter(number=number).first()
        if version is None:
            raise Http404
        return self.render(request, context_overrides=self._context(version))

    def _context(self, version: "PolicyVersion | None") -> dict:
        current = self.in_force()
        return {
            "version": version,
            "current_version": current,
            "is_current": version is not None and version == current,
            "versions": self.versions.order_by("-effective_on", "-number"),
        }


class PolicyVersion(Orderable):
    """One wording of a policy and the day it took (or takes) effect."""

    page = ParentalKey(PolicyPage, related_name="versions", on_delete=models.CASCADE)
    number = models.PositiveSmallIntegerField(_("số phiên bản"))
    effective_on = models.DateField(_("có hiệu lực từ ngày"))
    summary = models.CharField(_("tóm tắt thay đổi"), max_length=255, blank=True)
    body = RichTextField(_("nội dung"))

    panels = [
        FieldPanel("number"),
        FieldPanel("effective_on"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("phiên bản")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "number"], name="one_policy_version_number"
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return _("Phiên bản %(number)s, hiệu lực từ %(date)s") % {
            "number": self.number,
            "date": format_date(self.effective_on),
        }

    def clean(self):
        if self.number is not None and self.number < 1:
            raise ValidationError({"number": _("Số phiên bản bắt đầu từ 1.")})
