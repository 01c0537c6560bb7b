"""Image rendition specs shoppers see, and loading their renditions in bulk.

Templates name the same specs (``{% srcset_image img fill-{400x300,800x600}
format-webp %}``); keeping them here lets views load every rendition a page needs
in one query instead of one per image.
"""

from collections.abc import Iterable

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
    touch the database to create a rendition that does not exist yet. A plain
    query, grouped here, costs a fraction of Django's prefetch machinery.
    """
    images = [image for image in images if image is not None]
    if not images:
        return
    rendition_model = get_image_model().get_rendition_model()
    by_pk = {image.pk: image for image in images}
    found: dict[int, list] = {pk: [] for pk in by_pk}
    for rendition in rendition_model.objects.filter(
        image_id__in=by_pk, filter_spec__in=list(specs)
    ):
        rendition.image = by_pk[rendition.image_id]  # as a prefetch would set it
        found[rendition.image_id].append(rendition)
    for image in images:
        # Each image gets its own list: Wagtail appends renditions it creates.
        image.prefetched_renditions = list(found[image.pk])
