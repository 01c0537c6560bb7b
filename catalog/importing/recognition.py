"""OCOP certificates and rural-industrial awards of imported products."""

from __future__ import annotations

import datetime

from django.contrib.auth.base_user import AbstractBaseUser

from catalog.importing.rows import OcopData, ProductRow
from catalog.importing.summary import ImportSummary
from catalog.models import OcopCertificate, ProductPage, RuralIndustrialAward
from catalog.models.certificates import OCOP_VALIDITY_MONTHS, add_months


def _same(certificate: OcopCertificate, ocop: OcopData, issued) -> bool:
    return (
        certificate.stars == ocop.stars
        and certificate.decision_number == ocop.number
        and certificate.decision_date == issued
    )


def _expiry(issued: datetime.date | None) -> datetime.date | None:
    return add_months(issued, OCOP_VALIDITY_MONTHS) if issued else None


class RecognitionWriter:
    """Matches certificates and awards to the product's; new ones are created in
    bulk by ``finish()``. The file records the department's verification, unless
    ``vouches`` is False (a seller's own upload): its certificates then wait in the
    department's verification queue like any a seller enters."""

    def __init__(
        self,
        summary: ImportSummary,
        *,
        user: AbstractBaseUser | None,
        note: str,
        now: datetime.datetime,
        vouches: bool = True,
    ):
        self.vouches = vouches
        self.summary = summary
        self.user = user
        self.note = note
        self.now = now
        self.new_certificates: list[OcopCertificate] = []
        self.new_awards: list[RuralIndustrialAward] = []

    def certificate(self, page: ProductPage, row: ProductRow, existing) -> None:
        ocop = row.ocop
        if ocop is None:
            return
        counts = self.summary.certificates
        match = next((c for c in existing if _same(c, ocop, ocop.issued)), None)
        undated = None
        if match is None and ocop.issued:
            undated = next((c for c in existing if _same(c, ocop, None)), None)
        if undated is not None:
            # The same certificate imported earlier without its date: complete it.
            undated.decision_date = ocop.issued
            undated.expires_on = _expiry(ocop.issued)
            was_verified = undated.is_verified
            undated.save(update_fields=["decision_date", "expires_on"])
            if was_verified and self.vouches:
                # New dates clear the verification; this import vouches again.
                undated.verify(self.user, self.note)
            counts["completed"] += 1
            return
        if match is None:
            self.new_certificates.append(self._new_certificate(page, ocop))
            counts["created"] += 1
        elif not match.is_verified and self.vouches:
            match.verify(self.user, self.note)
            counts["verified"] += 1
        else:
            counts["unchanged"] += 1
        if ocop.issued is None:
            self.summary.needing_completion.append(
                (row.line, row.seller.name, row.name)
            )

    def _new_certificate(self, page: ProductPage, ocop: OcopData) -> OcopCertificate:
        level = OcopCertificate.Level
        certificate = OcopCertificate(
            product=page,
            stars=ocop.stars,
            level=level.CENTRAL if ocop.stars == 5 else level.PROVINCE,
            decision_number=ocop.number,
            decision_date=ocop.issued,
            expires_on=_expiry(ocop.issued),
        )
        if self.vouches:
            certificate.record_verification(self.user, self.note, self.now)
        return certificate

    def award(self, page: ProductPage, row: ProductRow, existing) -> None:
        if row.award is None:
            return
        level, year = row.award
        if any(a.level == level and a.year == year for a in existing):
            self.summary.awards["unchanged"] += 1
            return
        award = RuralIndustrialAward(product=page, level=level, year=year)
        if self.vouches:
            award.record_verification(self.user, at=self.now)
        self.new_awards.append(award)
        self.summary.awards["created"] += 1

    def finish(self) -> None:
        OcopCertificate.objects.bulk_create(self.new_certificates, batch_size=500)
        RuralIndustrialAward.objects.bulk_create(self.new_awards, batch_size=500)
