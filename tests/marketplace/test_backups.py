"""`manage.py backup` then `manage.py restore` into a fresh database and media folder
brings back every seller, product, order and image: on PostgreSQL (pg_dump and
pg_restore) and on SQLite (its backup API)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from psycopg import sql
from wagtail.images import get_image_model

from catalog.models import ProductPage
from marketplace.checkout import services
from marketplace.checkout.consent import Consents
from marketplace.checkout.models import Order
from sellers.models import AdminUnit, SellerPage
from tests.checkout.utils import place_card_order
from tests.factories import ProductPageFactory, SellerPageFactory

ROOT = Path(__file__).resolve().parents[2]

# Printed by the restored site: what a shopper and the department would look for.
INVENTORY = """
import json, os
from django.conf import settings
from wagtail.images import get_image_model
from catalog.models import ProductPage
from marketplace.checkout.models import Order
from sellers.models import SellerPage
print(json.dumps({
    "sellers": sorted(SellerPage.objects.values_list("title", flat=True)),
    "products": sorted(ProductPage.objects.values_list("title", "price_vnd")),
    "orders": sorted(Order.objects.values_list("reference", "total")),
    "images": sorted(
        (image.file.name, os.path.getsize(settings.MEDIA_ROOT / image.file.name))
        for image in get_image_model().objects.all()
    ),
}))
"""


def _url(database: str) -> str:
    db = settings.DATABASES["default"]
    return (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{database}"
    )


def _manage(database: str, media: Path, backups: Path, *args: str) -> str:
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="marketplace.settings.test",
        DATABASE_URL=database if database.startswith("sqlite:") else _url(database),
        MEDIA_ROOT=str(media),
        BACKUP_DIR=str(backups),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture
def fresh_database():
    """An empty database on the same server, dropped afterwards."""
    db = settings.DATABASES["default"]
    name = f"{db['NAME']}_restored"
    params = {
        "host": db["HOST"] or "127.0.0.1",
        "port": db["PORT"] or 5432,
        "user": db["USER"],
        "password": db["PASSWORD"],
        "dbname": "postgres",
        "autocommit": True,
    }
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
        sql.Identifier(name)
    )
    with psycopg.connect(**params) as admin:
        admin.execute(drop)
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield name
    with psycopg.connect(**params) as admin:
        admin.execute(drop)


def _inventory() -> dict:
    return {
        "sellers": sorted(SellerPage.objects.values_list("title", flat=True)),
        "products": sorted(
            [list(row) for row in ProductPage.objects.values_list("title", "price_vnd")]
        ),
        "orders": sorted(
            [list(row) for row in Order.objects.values_list("reference", "total")]
        ),
        "images": sorted(
            [
                image.file.name,
                os.path.getsize(os.path.join(settings.MEDIA_ROOT, image.file.name)),
            ]
            for image in get_image_model().objects.all()
        ),
    }


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_restored_into_a_fresh_database_and_media_folder_keeps_everything(
    site_root, fresh_database, tmp_path
):
    customer = services.Customer(
        name="Trần Thị Bình",
        phone="+84912345678",
        email="binh@example.vn",
        street_line="Ấp Phú Hoà",
        commune=AdminUnit.objects.order_by("code").first(),
        consents=Consents(order_handling=True),
    )
    sellers = [SellerPageFactory(title=f"HTX Sao Lưu {n}") for n in range(2)]
    products = [
        ProductPageFactory(parent=seller, title=f"{seller.title} – sản phẩm {n}")
        for seller in sellers
        for n in range(2)
    ]
    for product in products[:3]:
        product.stock = 5
        product.save(update_fields=["stock"])
        place_card_order(product, customer, quantity=1)
    before = _inventory()
    assert len(before["orders"]) == 3 and len(before["images"]) == 4

    backups = tmp_path / "backups"
    output = _manage(
        settings.DATABASES["default"]["NAME"],
        Path(settings.MEDIA_ROOT),
        backups,
        "backup",
    )
    assert output.count("Đã sao lưu:") == 2
    names = sorted(
        p.name for p in backups.iterdir() if not p.name.endswith(".metadata")
    )
    assert len(names) == 2 and names[0].endswith(".gz") and ".tar" in names[1], names

    fresh_media = tmp_path / "media"
    _manage(fresh_database, fresh_media, backups, "restore", "--noinput")
    restored = json.loads(
        _manage(
            fresh_database, fresh_media, backups, "shell", "-c", INVENTORY
        ).splitlines()[-1]
    )

    assert restored == before


# The SQLite site is built in its own files by the commands themselves (the test
# database of an SQLite run lives in memory, out of reach of other processes).
SEED = """
from marketplace.checkout import payments, services
from marketplace.checkout.consent import Consents
from sellers.models import AdminUnit
from marketplace.site_setup import ensure_site_structure
from tests.factories import ProductPageFactory, SellerPageFactory
ensure_site_structure()
customer = services.Customer(
    name="Lê Văn Cường", phone="+84912345678", email="cuong@example.vn",
    street_line="Ấp Tân Hoà", commune=AdminUnit.objects.order_by("code").first(),
    consents=Consents(order_handling=True),
)
for n in range(2):
    seller = SellerPageFactory(title=f"HTX SQLite {n}")
    for m in range(2):
        product = ProductPageFactory(parent=seller, title=f"Sản phẩm {n}.{m}", stock=5)
        services.place_order({product.pk: 1}, customer, payments.METHODS["card"])
"""


@pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="the PostgreSQL pass restores into PostgreSQL (test above)",
)
def test_sqlite_backup_restored_into_a_fresh_file_and_media_folder_keeps_everything(
    tmp_path,
):
    source = f"sqlite:///{tmp_path / 'source.sqlite3'}"
    media, backups = tmp_path / "source-media", tmp_path / "backups"
    _manage(source, media, backups, "migrate", "--noinput", "-v", "0")
    _manage(source, media, backups, "shell", "-c", SEED)
    before = json.loads(
        _manage(source, media, backups, "shell", "-c", INVENTORY).splitlines()[-1]
    )
    assert len(before["sellers"]) == 2 and len(before["orders"]) == 4
    assert len(before["images"]) == 4
    _manage(source, media, backups, "backup")

    fresh = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    fresh_media = tmp_path / "fresh-media"
    _manage(fresh, fresh_media, backups, "restore", "--noinput")
    restored = _manage(fresh, fresh_media, backups, "shell", "-c", INVENTORY)

    assert json.loads(restored.splitlines()[-1]) == before
