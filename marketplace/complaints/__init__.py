"""Shoppers' complaints about an order or a product, handled by the department
(Sở Công Thương) with a 7-working-day clock (issue 14)."""
