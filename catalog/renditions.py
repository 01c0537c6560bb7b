"""Image rendition specs shoppers see, and loading their renditions in bulk.

Every image on a public page is a ``Picture`` rendered by one component,
``components/picture.html`` (the ``{% picture %}`` tag of ``catalog_tags``). The
specs below, and the ``sizes`` the browser picks a width by, are defined here
only: templates never name a size.

``find_renditions`` reads every rendition a page shows as plain values in one
query, and ``picture`` turns them into the ``<img>`` attributes Wagtail's
``srcset_image`` tag would write. Renditions that do not exist yet are still made
by Wagtail's own ``get_renditions``.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from types import SimpleNamespace

from wagtail.images import get_image_model
from wagtail.images.models import Filter


class Specs(tuple):
    """Rendition specs of one kind of image, smallest first, with the ``sizes``
    attribute that tells the browser how wide the image shows."""

    def __new__(cls, *specs: str, sizes: str = ""):
        if len(specs) > 1 and not sizes:
            raise ValueError("several widths need the sizes they are shown at")
        return super().__new__(cls, specs)

    def __init__(self, *specs: str, sizes: str = ""):
        self.sizes = sizes


CARD_SPECS = Specs(
    "fill-400x300|format-webp",
    "fill-800x600|format-webp",
    sizes="(min-width: 64em) 18rem, (min-width: 40em) 33vw, 50vw",
)
GALLERY_SPECS = Specs(
    "max-640x640|format-webp",
    "max-1024x1024|format-webp",
    "max-1600x1600|format-webp",
    sizes="(min-width: 64em) 36rem, 100vw",
)
THUMB_SPECS = Specs("fill-120x90|format-webp")
HERO_SPECS = Specs(
    "fill-800x400|format-webp", "fill-1600x800|format-webp", sizes="100vw"
)
COLLECTION_SPECS = Specs("fill-600x300|format-webp")
LOGO_SPECS = Specs("fill-160x160|format-webp")
COVER_SPECS = Specs(
    "fill-600x200|format-webp", "fill-1200x400|format-webp", sizes="100vw"
)
SPECS_BY_NAME = {
    "card": CARD_SPECS,
    "gallery": GALLERY_SPECS,
    "thumb": THUMB_SPECS,
    "hero": HERO_SPECS,
    "collection": COLLECTION_SPECS,
    "logo": LOGO_SPECS,
    "cover": COVER_SPECS,
}
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


_FOCAL_FIELDS = (
    "focal_point_x",
    "focal_point_y",
    "focal_point_width",
    "focal_point_height",
)

# (url, width, height) of one rendition, keyed by (image id, spec).
Found = dict[tuple[int, str], tuple[str, int, int]]


@dataclass(frozen=True)
class Picture:
    """An ``<img>``'s attributes, as Wagtail's ``srcset_image`` tag writes them."""

    src: str
    srcset: str
    width: int
    height: int
    alt: str
    # Empty for a single width: the ``<img>`` then needs no srcset.
    sizes: str = ""


@cache
def _filter(spec: str) -> Filter:
    return Filter(spec=spec)


def find_renditions(*requests: Mapping[int | None, Iterable[str]]) -> Found:
    """Renditions of every ``{image_id: specs}`` in one query, making missing ones.

    A stored rendition counts only if it was made for the image's current focal
    point, as in Wagtail's own lookup.
    """
    wanted: dict[int, set[str]] = {}
    for request in requests:
        for image_id, specs in request.items():
            if image_id:
                wanted.setdefault(image_id, set()).update(specs)
    if not wanted:
        return {}
    rendition_model = get_image_model().get_rendition_model()
    storage = rendition_model._meta.get_field("file").storage
    found: Found = {}
    rows = rendition_model.objects.filter(
        image_id__in=wanted, filter_spec__in=set().union(*wanted.values())
    ).values(
        "image_id",
        "filter_spec",
        "focal_point_key",
        "file",
        "width",
        "height",
        *(f"image__{field}" for field in _FOCAL_FIELDS),
    )
    for row in rows:
        focal = SimpleNamespace(**{f: row[f"image__{f}"] for f in _FOCAL_FIELDS})
        if _filter(row["filter_spec"]).get_cache_key(focal) == row["focal_point_key"]:
            found[row["image_id"], row["filter_spec"]] = (
                storage.url(row["file"]),
                row["width"],
                row["height"],
            )
    missing = {
        image_id: [spec for spec in specs if (image_id, spec) not in found]
        for image_id, specs in wanted.items()
    }
    missing = {image_id: specs for image_id, specs in missing.items() if specs}
    for image in get_image_model().objects.filter(pk__in=missing):
        for spec, rendition in image.get_renditions(*missing[image.pk]).items():
            found[image.pk, spec] = (rendition.url, rendition.width, rendition.height)
    return found


def picture(found: Found, image_id: int | None, specs, alt: str) -> Picture | None:
    """The ``<img>`` for ``image_id`` at ``specs`` (smallest first), or None."""
    renditions = [found.get((image_id, spec)) for spec in specs]
    if not image_id or None in renditions:
        return None
    return _picture(renditions, specs, alt)


def image_picture(image, specs: Specs, alt: str = "") -> Picture | None:
    """The ``<img>`` for a Wagtail image object at ``specs``.

    For pages that loaded images with ``prefetch_renditions``: Wagtail reads the
    attached renditions and only queries to make a missing one.
    """
    if image is None:
        return None
    found = image.get_renditions(*specs)
    return _picture(
        [(found[spec].url, found[spec].width, found[spec].height) for spec in specs],
        specs,
        alt,
    )


def _picture(renditions: list[tuple[str, int, int]], specs, alt: str) -> Picture:
    url, width, height = renditions[0]
    return Picture(
        src=url,
        srcset=", ".join(f"{u} {w}w" for u, w, _h in renditions),
        width=width,
        height=height,
        alt=alt,
        sizes=getattr(specs, "sizes", ""),
    )
