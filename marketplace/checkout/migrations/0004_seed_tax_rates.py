"""Decree 117/2025/NĐ-CP (in force 1 July 2025): a floor that collects payment
withholds 1% VAT and 0.5% PIT on goods sold by household sellers. Refunds recorded
before this migration get their date from the order's "refunded" status change."""

import datetime
from decimal import Decimal

from django.db import migrations

DECREE = "Nghị định 117/2025/NĐ-CP"
START = datetime.date(2025, 7, 1)


def seed(apps, schema_editor):
    TaxRate = apps.get_model("checkout", "TaxRate")
    for kind, rate in (("vat", Decimal("1.00")), ("pit", Decimal("0.50"))):
        TaxRate.objects.get_or_create(
            kind=kind, valid_from=START, defaults={"rate": rate, "note": DECREE}
        )
    Order = apps.get_model("checkout", "Order")
    OrderStatusChange = apps.get_model("checkout", "OrderStatusChange")
    for order in Order.objects.filter(refunded_at__isnull=True).exclude(
        stripe_refund_id=""
    ):
        change = (
            OrderStatusChange.objects.filter(
                order=order, seller_order__isnull=True, to_status="refunded"
            )
            .order_by("created_at")
            .first()
        )
        order.refunded_at = change.created_at if change else order.updated_at
        order.save(update_fields=["refunded_at"])


def unseed(apps, schema_editor):
    TaxRate = apps.get_model("checkout", "TaxRate")
    TaxRate.objects.filter(valid_from=START, note=DECREE).delete()


class Migration(migrations.Migration):
    dependencies = [("checkout", "0003_tax_rates_and_refund_date")]

    operations = [migrations.RunPython(seed, unseed)]
