"""Image rendition specs shoppers see, and loading their renditions in bulk.

Templates name the same specs (``{% srcset_image img fill-{400x300,800x600}
format-webp %}``); keeping them here lets views load every rendition a page needs
in one query instead of one per image.
"""

from collections.abc import Iterable

from django.db.models import Prefetch, prefetch_related_objects
from wagtail.images import get_image_model

CARD_SPECS = ("fill-400x300|format-webp", "fill-800x600|format-webp")
GALLERY_SPECS = (
    "max-640x640|format-webp",
    "max-1024x1024|format-webp",
    "max-1600x1600|format-webp",
)
THUMB_SPECS = ("fill-120x90|format-webp",)
HERO_SPECS = ("fill-800x400|format-webp", "fill-1600x800|format-webp")
COLLECTION_SPECS = ("fill-600x300|format-webp",)
LOGO_SPECS = ("fill-160x160|format-webp",)
COVER_SPECS = ("fill-1200x400|format-webp",)
# Open Graph readers want a plain JPEG at 1200×630.
OG_SPEC = "fill-1200x630|format-jpeg"


def prefetch_renditions(images: Iterable, specs: Iterable[str]) -> None:
    """Attach the existing renditions of ``images`` for ``specs`` in one query.

    Wagtail's image tags then read them from ``prefetched_renditions`` and only
    touch the database to create a rendition that does not exist yet.
    """
    images = [image for image in images if image is not None]
    if not images:
        return
    rendition_model = get_image_model().get_rendition_model()
    prefetch_related_objects(
        images,
        Prefetch(
            "renditions",
            queryset=rendition_model.objects.filter(filter_spec__in=list(specs)),
            to_attr="prefetched_renditions",
        ),
    )
