"""Index mappings and Vietnamese analysis, written with elasticsearch-dsl.

Built-in analysis only (no ICU plugin on Maven Central):

* ``title``            keeps diacritics (tone placement normalised): exact ranks first
* ``title.folded``     + asciifolding (đ→d): "keo chuoi" = "kẹo chuối"
* ``title.shingle``    folded 2-3 syllable shingles for phrase relevance
* ``title.glued``      folded shingles joined without a space: "banhtrang"
* ``title.prefix``     folded edge n-grams for autocomplete

Synonyms (search/synonyms_vi.txt) are applied at query time through a
``synonym_graph`` filter in the search analyzer of the diacritic-keeping fields. They
are copied into the index settings when an index is created, so editing the file
takes effect after ``manage.py search_index rebuild`` (zero downtime).
"""

from pathlib import Path

from django.conf import settings
from elasticsearch.dsl import (
    Boolean,
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    Long,
    MetaField,
    Text,
    analyzer,
    char_filter,
    token_filter,
)

from search.text import TONE_PLACEMENT_PAIRS

SYNONYMS_FILE = Path(__file__).resolve().parent / "synonyms_vi.txt"

PRODUCTS = "products"
SELLERS = "sellers"


def load_synonyms(path: Path = SYNONYMS_FILE) -> list[str]:
    """Solr-format rules, one per line; '#' starts a comment."""
    if not path.exists():
        return []
    rules = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            rules.append(line)
    return rules


tone_placement = char_filter(
    "vi_tone_placement",
    type="mapping",
    mappings=[f"{old}=>{new}" for old, new in TONE_PLACEMENT_PAIRS],
)
folding = token_filter("vi_ascii_folding", type="asciifolding", preserve_original=False)
shingles = token_filter(
    "vi_shingles",
    type="shingle",
    min_shingle_size=2,
    max_shingle_size=3,
    output_unigrams=False,
    output_unigrams_if_no_shingles=True,
)
glued_shingles = token_filter(
    "vi_glued_shingles",
    type="shingle",
    min_shingle_size=2,
    max_shingle_size=3,
    output_unigrams=True,
    token_separator="",
)
suggest_shingles = token_filter(
    "vi_suggest_shingles",
    type="shingle",
    min_shingle_size=2,
    max_shingle_size=2,
    output_unigrams=True,
)
edge_ngrams = token_filter("vi_edge_ngrams", type="edge_ngram", min_gram=1, max_gram=20)


def _synonyms_filter():
    return token_filter(
        "vi_synonyms", type="synonym_graph", synonyms=load_synonyms(), lenient=True
    )


vi_exact = analyzer(
    "vi_exact", tokenizer="standard", char_filter=[tone_placement], filter=["lowercase"]
)
vi_folded = analyzer(
    "vi_folded",
    tokenizer="standard",
    char_filter=[tone_placement],
    filter=["lowercase", folding],
)
vi_shingle = analyzer(
    "vi_shingle",
    tokenizer="standard",
    char_filter=[tone_placement],
    filter=["lowercase", folding, shingles],
)
vi_glued = analyzer(
    "vi_glued",
    tokenizer="standard",
    char_filter=[tone_placement],
    filter=["lowercase", folding, glued_shingles],
)
vi_prefix = analyzer(
    "vi_prefix",
    tokenizer="standard",
    char_filter=[tone_placement],
    filter=["lowercase", folding, edge_ngrams],
)
vi_suggest = analyzer(
    "vi_suggest",
    tokenizer="standard",
    char_filter=[tone_placement],
    filter=["lowercase", folding, suggest_shingles],
)


def vi_exact_search():
    return analyzer(
        "vi_exact_search",
        tokenizer="standard",
        char_filter=[tone_placement],
        filter=["lowercase", _synonyms_filter()],
    )


def vi_text(
    search_synonyms: bool = True,
    prefix: bool = False,
    highlighted: bool = False,
    **kwargs,
) -> Text:
    """A text field with the folded, shingle and glued sub-fields.

    ``highlighted`` fields (and their folded sub-field) index term offsets, so the
    highlighter reads positions from the index instead of analysing each hit's
    text again: the difference between about 4 and 11 ms per results page.
    """
    offsets = {"index_options": "offsets"} if highlighted else {}
    kwargs.update(offsets)
    fields = {
        "folded": Text(analyzer=vi_folded, **offsets),
        "shingle": Text(analyzer=vi_shingle),
        "glued": Text(analyzer=vi_glued, search_analyzer=vi_folded),
    }
    if prefix:
        fields["prefix"] = Text(analyzer=vi_prefix, search_analyzer=vi_folded)
    extra = {"search_analyzer": vi_exact_search()} if search_synonyms else {}
    return Text(analyzer=vi_exact, fields=fields, **extra, **kwargs)


def keyword_text() -> Keyword:
    """An exact keyword with a folded text sub-field (names shown in facets)."""
    return Keyword(fields={"folded": Text(analyzer=vi_folded)})


class ProductDocument(Document):
    """Everything a result card and the facets need: no database query per result."""

    # The page id: the listings' last sort key (ties ordered as in the database).
    page_id = Long()
    title = vi_text(prefix=True, highlighted=True)
    summary = vi_text(highlighted=True)
    description = vi_text()
    tags = vi_text()
    ingredients = Text(analyzer=vi_folded)
    seller_name = vi_text(prefix=True)
    seller_id = Integer()
    seller_url = Keyword(index=False)
    seller_type = Keyword()
    seller_verified = Boolean()
    commune = Keyword()
    commune_name = keyword_text()
    former_district = Text(analyzer=vi_folded)
    category = Keyword()
    category_name = keyword_text()
    ocop_group = Integer()
    # Latest expiry of a department-verified certificate per star level; queries compare
    # them with today, so an expired certificate stops counting without a reindex.
    ocop3_until = Date()
    ocop4_until = Date()
    ocop5_until = Date()
    certifications = Keyword()
    price_vnd = Long()
    unit = Keyword(index=False)
    in_stock = Boolean()
    image = Keyword(index=False)
    image_alt = Keyword(index=False)
    url = Keyword(index=False)
    published_at = Date()
    last_published_at = Date()
    suggest = Text(analyzer=vi_suggest)
    fingerprint = Keyword()

    class Meta:
        # Results read only the card fields back; the long texts are searched but
        # never shown from the index, so _source does not keep them (a lighter
        # fetch for every results page).
        source = MetaField(excludes=["description", "ingredients", "suggest"])


class SellerDocument(Document):
    """A seller for autocomplete and the seller part of results."""

    title = vi_text(prefix=True)
    legal_name = vi_text()
    seller_type = Keyword()
    verified = Boolean()
    commune = Keyword()
    commune_name = keyword_text()
    former_district = Text(analyzer=vi_folded)
    url = Keyword(index=False)
    image = Keyword(index=False)
    product_count = Integer()
    last_published_at = Date()
    fingerprint = Keyword()


DOCUMENTS = {PRODUCTS: ProductDocument, SELLERS: SellerDocument}


def alias_name(kind: str) -> str:
    return f"{settings.SEARCH_INDEX_PREFIX}_{kind}"


def index_definition(kind: str, name: str) -> Index:
    """The DSL Index for a concrete (timestamped) index behind ``alias_name(kind)``."""
    index = Index(name)
    index.settings(
        number_of_shards=1,
        number_of_replicas=0,
        refresh_interval="1s",
        max_result_window=10000,
        max_shingle_diff=2,
        max_ngram_diff=19,
    )
    index.document(DOCUMENTS[kind])
    return index
