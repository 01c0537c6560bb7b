"""factory_boy factories; pages are created in the tree, images drawn in memory."""

import datetime
import io

import factory
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model

from catalog.models import Category, OcopCertificate, ProductImage, ProductPage
from sellers.models import AdminUnit, SellerIndexPage, SellerPage, SellerType


def png_bytes(
    width: int = 64, height: int = 48, color=(200, 80, 40), fmt="PNG"
) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), color).save(buffer, fmt)
    return buffer.getvalue()


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Ảnh {n}")

    @factory.lazy_attribute
    def file(self):
        return ImageFile(io.BytesIO(png_bytes()), name="test.png")


class SellerPageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SellerPage

    title = factory.Sequence(lambda n: f"Hợp tác xã Thử Nghiệm {n}")
    legal_name = factory.LazyAttribute(lambda o: o.title)
    slug = factory.Sequence(lambda n: f"nguoi-ban-{n}")
    seller_type = SellerType.COOPERATIVE
    tax_code = "0100109106"
    phone = "+84912345678"
    commune = factory.LazyFunction(lambda: AdminUnit.objects.order_by("code").first())
    verified = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        parent = kwargs.pop("parent", None) or SellerIndexPage.objects.get()
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page


class ProductPageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductPage

    title = factory.Sequence(lambda n: f"Kẹo dừa thử nghiệm {n}")
    slug = factory.Sequence(lambda n: f"san-pham-{n}")
    category = factory.LazyFunction(lambda: Category.objects.get(slug="processed-food"))
    price_vnd = 125000
    unit = "kg"
    summary = "Sản phẩm thử nghiệm"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        parent = kwargs.pop("parent", None) or SellerPageFactory()
        images = kwargs.pop("images", 1)
        publish = kwargs.pop("publish", True)
        page = model_class(*args, **kwargs)
        for index in range(images):
            page.gallery_images.add(
                ProductImage(
                    image=ImageFactory(), alt_text=f"Ảnh {index + 1}", sort_order=index
                )
            )
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        return page


class OcopCertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OcopCertificate

    product = factory.SubFactory(ProductPageFactory)
    stars = 4
    level = OcopCertificate.Level.PROVINCE
    decision_number = factory.Sequence(lambda n: f"{100 + n}/QĐ-UBND")
    decision_date = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(days=200)
    )
    verified_at = factory.LazyFunction(timezone.now)
