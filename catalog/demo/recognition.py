"""Which demo products hold an OCOP certificate (valid or expired) or an award."""

from __future__ import annotations

import datetime
import math
import random

from catalog.models.certificates import STAR_LEVELS


def recognition_plan(rng: random.Random, count: int) -> list[str]:
    """Exact shares, shuffled: valid OCOP, expired OCOP, award only, nothing."""
    ocop = round(count * 0.78)
    expired = round(count * 0.03)
    award = max(math.ceil(count * 0.75) - ocop, round(count * 0.07))
    plan = ["ocop"] * ocop + ["expired"] * expired + ["award"] * award
    plan += ["none"] * max(0, count - len(plan))
    plan = plan[:count]
    rng.shuffle(plan)
    return plan


def ocop_columns(rng: random.Random, plan: str, today: datetime.date) -> dict:
    """The importer's OCOP columns: 3★ most often, 5★ (a ministry decision) rarely."""
    if plan not in ("ocop", "expired"):
        return {}
    # 3★ 65%, 4★ 31%, 5★ 4%, in STAR_LEVELS' order.
    stars = rng.choices(STAR_LEVELS, (65, 31, 4))[0]
    days_ago = rng.randint(20, 1060) if plan == "ocop" else rng.randint(1110, 1460)
    issued = today - datetime.timedelta(days=days_ago)
    authority = "QĐ-BNN" if stars == 5 else "QĐ-UBND"
    return {
        "ocop_stars": str(stars),
        "ocop_certificate_no": f"{rng.randint(100, 2999)}/{authority}",
        "ocop_issued": issued.strftime("%d/%m/%Y"),
    }


def award_columns(rng: random.Random, plan: str, today: datetime.date) -> dict:
    """A rural-industrial award for award-only products and a few OCOP ones."""
    wants = plan == "award" or (plan == "ocop" and rng.random() < 0.08)
    if not wants:
        return {}
    level = rng.choices(("commune", "province", "region", "national"), (40, 45, 10, 5))
    return {
        "award_level": level[0],
        "award_year": str(rng.randint(max(2014, today.year - 8), today.year - 1)),
    }
