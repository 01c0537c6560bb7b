"""Helpers of the search tests: the engine's state, indexing, query parameters."""


class QueryDict(dict):
    def getlist(self, key):
        value = self.get(key)
        if value is None:
            return []
        return value if isinstance(value, list) else [value]


def engine_reason() -> str | None:
    from search import engine

    engine.reset()
    return engine.health()


def index_everything() -> None:
    from search import indexing
    from search.documents import PRODUCTS, SELLERS

    indexing.rebuild(SELLERS)
    indexing.rebuild(PRODUCTS)
