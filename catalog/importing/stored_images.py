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
        image = self._save(
            collection_id, title, f"{folded_slug(row.name, 60)}-{index + 1}", checked
        )
        self.images[(collection_id, checked.sha1)] = image
        self.images.setdefault((None, checked.sha1), image)
        return image

    def logo(self, collection_id: int | None, seller_name: str, checked: CheckedImage):
        """A seller's logo: never shared with another seller (each picks images from
        its own collection). ``None``: the root collection, for a seller whose own
        collection does not exist yet (see ``move``)."""
        if collection_id is not None:
            found = self.model.objects.filter(
                collection_id=collection_id, file_hash=checked.sha1
            ).first()
            if found is not None:
                return found
        title = f"{seller_name} (logo)"
        return self._save(
            collection_id, title, f"{folded_slug(seller_name, 60)}-logo", checked
        )

    def move(self, image, collection_id: int) -> None:
        """Into the collection made for its seller after the seller's page."""
        self.model.objects.filter(pk=image.pk).update(collection_id=collection_id)
        image.collection_id = collection_id

    def _save(
        self, collection_id: int | None, title: str, stem: str, checked: CheckedImage
    ):
        image = self.model(
            title=title[:255],
            file=ImageFile(
                io.BytesIO(checked.read()), name=f"{stem}.{checked.extension}"
            ),
            width=checked.width,
            height=checked.height,
            file_size=checked.size,
            file_hash=checked.sha1,
        )
        if collection_id is not None:
            image.collection_id = collection_id
        image.save()
        self.created.add(image.pk)
        return image
