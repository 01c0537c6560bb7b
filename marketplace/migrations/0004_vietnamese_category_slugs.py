"""Category pages move from English slugs (/processed-food/) to the folded
Vietnamese names (/thuc-pham-che-bien/); the old URLs answer 301 (issue 12).

Historical models have no Wagtail page methods, so the tree's url_path is rewritten
here for the page and its descendants, and the latest revision gets the new slug
too (an editor opening the page edits that revision, which would bring the old
slug back on publish).
"""

from django.db import migrations

from marketplace.helpers.text import folded_slug


def _rename(apps, page, new_slug):
    Page = apps.get_model("wagtailcore", "Page")
    old_url_path = page.url_path
    new_url_path = old_url_path[: -len(page.slug) - 1] + new_slug + "/"
    for node in Page.objects.filter(path__startswith=page.path):
        node.url_path = new_url_path + node.url_path[len(old_url_path) :]
        if node.pk == page.pk:
            node.slug = new_slug
        node.save(update_fields=["url_path", "slug"])
    revision = Page.objects.get(pk=page.pk).latest_revision
    if revision is not None and isinstance(revision.content, dict):
        revision.content["slug"] = new_slug
        revision.content["url_path"] = new_url_path
        revision.save(update_fields=["content"])


def rename_category_pages(apps, schema_editor):
    CategoryPage = apps.get_model("catalog", "CategoryPage")
    Page = apps.get_model("wagtailcore", "Page")
    Redirect = apps.get_model("wagtailredirects", "Redirect")
    for page in CategoryPage.objects.select_related("category"):
        new_slug = folded_slug(page.category.name)
        if page.slug != page.category.slug or new_slug == page.slug:
            continue  # renamed already, or by the department: leave it
        siblings = Page.objects.filter(
            path__startswith=page.path[: -4], depth=page.depth, slug=new_slug
        )
        if siblings.exists():
            continue
        old_path = "/" + page.slug
        _rename(apps, page, new_slug)
        Redirect.objects.get_or_create(
            old_path=old_path,
            site=None,
            defaults={"redirect_page_id": page.pk, "is_permanent": True},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("marketplace", "0003_remove_collection_instants"),
        ("catalog", "0003_reference_data"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [
        migrations.RunPython(rename_category_pages, migrations.RunPython.noop),
    ]
