"""Pictures of imported products, stored once per content in the seller's collection."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from catalog.importing.rows import CheckedImage, ProductRow
from marketplace.helpers.text import folded_slug


class ImageStore:
    """Finds or saves each checked picture; remembers what it saved."""

    def __init__(self) -> None:
        self.model = get_image_model()
        # (collection id or None for any collection, SHA-1) → image
        self.images: dict[tuple[int | None, str], Any] = {}
        self.created: set[int] = set()

    def preload(self, rows: Sequence[ProductRow]) -> None:
        """Read once every stored picture the rows could reuse."""
        hashes = {image.sha1 for row in rows for image in row.images}
        for image in self.model.objects.filter(file_hash__in=hashes).order_by("pk"):
            self._remember(image.collection_id, image)

    def _remember(self, collection_id: int | None, image) -> None:
        self.images.setdefault((collection_id, image.file_hash), image)
        self.images.setdefault((None, image.file_hash), image)

    def image(
        self, collection_id: int, row: ProductRow, index: int, checked: CheckedImage
    ):
        """The same picture already stored (preferably in this seller's collection)
        is reused, so re-imports never duplicate images."""
        cached = self.images.get((collection_id, checked.sha1)) or self.images.get(
            (None, checked.sha1)
        )
        if cached is not None:
            return cached
        title = row.name if index == 0 else f"{row.name} ({index + 1})"
        image = self.model(
            title=title[:255],
            collection_id=collection_id,
            file=ImageFile(
                io.BytesIO(checked.read()),
                name=f"{folded_slug(row.name, 60)}-{index + 1}.{checked.extension}",
            ),
            width=checked.width,
            height=checked.height,
            file_size=checked.size,
            file_hash=checked.sha1,
        )
        image.save()
        self.created.add(image.pk)
        self.images[(collection_id, checked.sha1)] = image
        self.images.setdefault((None, checked.sha1), image)
        return image
