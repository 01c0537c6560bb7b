"""Ask Stripe about card orders still pending after the session lifetime (for
webhooks that never came) and give back the stock of orders that lapsed."""

from django.core.management.base import BaseCommand

from marketplace.checkout import refunds, services
from marketplace.checkout import stripe as stripe_api


class Command(BaseCommand):
    help = "Reconcile pending card orders with Stripe and release lapsed stock."

    def handle(self, *args, **options):
        outcomes: dict[str, int] = {}
        for order in services.overdue_sessions():
            try:
                session = stripe_api.retrieve_session(order.stripe_session_id)
            except stripe_api.StripeUnavailable:
                outcome = "stripe-unavailable"
            else:
                outcome = refunds.settle(
                    order, services.apply_session_state(order, session)
                )
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
        released = services.release_lapsed_orders()
        summary = ", ".join(f"{k}: {v}" for k, v in sorted(outcomes.items()))
        self.stdout.write(
            f"Checked {sum(outcomes.values())} pending order(s)"
            f"{' (' + summary + ')' if summary else ''}; "
            f"released {released} lapsed order(s)."
        )
