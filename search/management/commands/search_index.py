"""manage.py search_index rebuild|update|check [--only products|sellers]

rebuild  build fresh indexes and swap the aliases (zero downtime); also picks up an
         edited synonyms file
update   compare published pages with indexed documents and send only the difference
         (after the engine was down, say)
check    report differences without changing anything; exit status 1 if any
"""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from catalog.models import ProductPage
from search import engine, indexing
from search.documents import PRODUCTS, SELLERS
from sellers.models import SellerPage


class Command(BaseCommand):
    help = "Rebuild, update or check the product and seller search indexes."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "update", "check"])
        parser.add_argument("--only", choices=[PRODUCTS, SELLERS])
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, action, only=None, no_progress=False, **options):
        kinds = [only] if only else [SELLERS, PRODUCTS]
        try:
            info = engine.info()
        except engine.EngineError as exc:
            raise CommandError(f"search engine unavailable: {exc}") from exc
        self.stdout.write(f"engine: {info['flavour']} {info['version']}")
        differences = 0
        for kind in kinds:
            model = ProductPage if kind == PRODUCTS else SellerPage
            total = model.objects.live().count()
            with tqdm(
                total=total, desc=f"{action} {kind}", unit="doc", disable=no_progress
            ) as bar:
                try:
                    if action == "rebuild":
                        stats = indexing.rebuild(kind, bar.update)
                        bar.close()
                        self.stdout.write(
                            f"{kind}: {stats.documents} documents in "
                            f"{stats.seconds:.1f} s ({stats.per_second:.0f} docs/s) "
                            f"-> {stats.index}"
                        )
                        continue
                    if action == "update" and not indexing.alias_exists(kind):
                        stats = indexing.rebuild(kind, bar.update)
                        bar.close()
                        self.stdout.write(f"{kind}: no index yet; built {stats.index}")
                        continue
                    if action == "update":
                        diff = indexing.update(kind, bar.update)
                    else:
                        if not indexing.alias_exists(kind):
                            bar.close()
                            self.stdout.write(f"{kind}: not indexed (run rebuild)")
                            differences += 1
                            continue
                        diff, _docs = indexing.compare(kind, bar.update)
                except engine.EngineError as exc:
                    raise CommandError(f"{kind}: engine error: {exc}") from exc
            self.stdout.write(
                f"{kind}: {len(diff.missing)} missing, {len(diff.stale)} out of date, "
                f"{len(diff.extra)} no longer published"
                + (" (fixed)" if action == "update" else "")
            )
            if action == "check":
                for label, ids in (
                    ("missing", diff.missing),
                    ("stale", diff.stale),
                    ("extra", diff.extra),
                ):
                    if ids:
                        self.stdout.write(f"  {label}: {ids[:20]}")
                differences += 0 if diff.clean else 1
        if action == "check" and differences:
            raise CommandError("the index differs from the published pages")
