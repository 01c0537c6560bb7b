"""The small catalogue the browser journeys walk through, built the way a department
would build it: a CSV file handed to ``manage.py import_products``, then indexed by
``manage.py search_index rebuild``.

Run in the live server's environment (tests/browser/conftest.py does):
``python -m tests.browser.catalogue DIR`` migrates the database, writes
DIR/catalogue.csv with its pictures, imports and indexes it.
"""

import csv
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw


@dataclass(frozen=True)
class Seller:
    name: str
    seller_type: str
    tax_code: str
    commune: str


@dataclass(frozen=True)
class Item:
    seller: Seller
    name: str
    category: str
    price: int
    unit: str
    stars: int | None
    colour: tuple[int, int, int]


PIA = "Hợp tác xã Bánh Pía Phước Hậu"
DUA = "Cơ sở Mứt Dừa Tư Hiền"
PIA_COMMUNE = "Phước Hậu"
DUA_COMMUNE = "An Bình"
_PIA = Seller(PIA, "cooperative", "0100109106", PIA_COMMUNE)
_DUA = Seller(DUA, "household_business", "086190123456", DUA_COMMUNE)
FOOD = "processed_food"
# The login of Tư Hiền's staff in the admin (tests/browser/test_seller_admin.py).
SELLER_LOGIN = ("tu-hien", "mat-khau-tu-hien-2026")
# The login of the department's moderator (tests/browser/test_seller_onboarding.py).
DEPARTMENT_LOGIN = ("so-cong-thuong", "mat-khau-so-cong-thuong-2026")

ITEMS = (
    Item(_PIA, "Bánh pía sầu riêng Phước Hậu", FOOD, 65000, "hộp", 4, (196, 140, 60)),
    Item(_PIA, "Bánh pía đậu xanh Phước Hậu", FOOD, 55000, "hộp", 3, (150, 170, 70)),
    Item(_PIA, "Trà sen Phước Hậu", "beverage", 80000, "gói", None, (90, 140, 90)),
    Item(_DUA, "Mứt dừa non Tư Hiền", FOOD, 90000, "kg", 4, (235, 225, 200)),
    Item(_DUA, "Kẹo dừa lá dứa Tư Hiền", FOOD, 48000, "hộp", 5, (80, 160, 80)),
    Item(_DUA, "Chậu gốm đỏ Tư Hiền", "handicraft", 120000, "cái", None, (170, 70, 40)),
)


def _picture(path: Path, colour: tuple[int, int, int]) -> None:
    image = Image.new("RGB", (800, 600), colour)
    ImageDraw.Draw(image).ellipse((200, 100, 600, 500), fill=(250, 245, 235))
    image.save(path, "JPEG", quality=80)


def write_csv(directory: Path) -> Path:
    """The import file, in the documented columns, with one picture per product."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "catalogue.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(
            "seller_name seller_type tax_code commune product_name category price_vnd "
            "unit description ocop_stars ocop_certificate_no ocop_issued stock "
            "image".split()
        )
        for number, item in enumerate(ITEMS, start=1):
            picture = f"san-pham-{number}.jpg"
            _picture(directory / picture, item.colour)
            ocop = (
                (str(item.stars), f"{200 + number}/QĐ-UBND", "15/03/2025")
                if item.stars
                else ("", "", "")
            )
            writer.writerow(
                [item.seller.name, item.seller.seller_type, item.seller.tax_code]
                + [item.seller.commune]
                + [item.name, item.category, item.price, item.unit]
                + [f"{item.name}, làm thủ công tại Vĩnh Long.", *ocop, 50, picture]
            )
    return path


def build(directory: Path) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from marketplace.site_setup import ensure_site_structure

    call_command("migrate", "--noinput", verbosity=0)
    ensure_site_structure()
    call_command("import_products", str(write_csv(directory)), "--publish", verbosity=0)
    call_command("search_index", "rebuild", "--no-progress", verbosity=0)
    _seller_login()
    _department_login()


def _seller_login() -> None:
    from sellers.models import SellerPage
    from sellers.services import create_seller_account

    username, password = SELLER_LOGIN
    seller = SellerPage.objects.get(title=DUA)
    create_seller_account(
        seller, username=username, email=f"{username}@example.vn", password=password
    )


def _department_login() -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from sellers.services import DEPARTMENT_GROUP

    username, password = DEPARTMENT_LOGIN
    user = get_user_model().objects.create_user(
        username, email=f"{username}@example.vn", password=password
    )
    user.groups.add(Group.objects.get(name=DEPARTMENT_GROUP))


if __name__ == "__main__":
    build(Path(sys.argv[1]))
