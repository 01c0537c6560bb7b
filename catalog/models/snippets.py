"""Reference data the department maintains: shop categories and certifications."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from catalog.models.licences import LicenceKind


class OcopGroup(models.IntegerChoices):
    """The six OCOP product groups of QĐ 919/2022 (used by QĐ 148/2023)."""

    FOOD = 1, _("Thực phẩm")
    BEVERAGES = 2, _("Đồ uống")
    HERBAL = 3, _("Dược liệu và sản phẩm từ dược liệu")
    HANDICRAFTS = 4, _("Hàng thủ công mỹ nghệ")
    ORNAMENTALS = 5, _("Sinh vật cảnh")
    TOURISM = 6, _("Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch")


class Category(models.Model):
    """A shop category shoppers browse by; the department can add more."""

    slug = models.SlugField(_("mã (slug)"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=80)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=80, blank=True)
    description = models.TextField(_("mô tả"), blank=True)
    default_ocop_group = models.PositiveSmallIntegerField(
        _("nhóm OCOP mặc định"), choices=OcopGroup.choices, null=True, blank=True
    )
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    required_licence = models.CharField(
        _("hàng kinh doanh có điều kiện"),
        max_length=30,
        choices=LicenceKind.choices,
        blank=True,
        help_text=_(
            "Mọi sản phẩm của danh mục cần giấy phép này trước khi được đăng bán."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("default_ocop_group"),
        FieldPanel("sort_order"),
        FieldPanel("required_licence"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("danh mục")
        verbose_name_plural = _("danh mục")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name


class Certification(models.Model):
    """A quality or food-safety certification other than OCOP (VietGAP, HACCP…)."""

    code = models.SlugField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên"), max_length=80)

    panels = [FieldPanel("code"), FieldPanel("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("chứng nhận khác")
        verbose_name_plural = _("chứng nhận khác")

    def __str__(self) -> str:
        return self.name
