"""A datatrove pipeline step: ``Unboil``, in place of datatrove's
``Trafilatura`` extractor.

::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from unboil.datatrove import Unboil

    LocalPipelineExecutor(
        pipeline=[WarcReader("crawl/"), Unboil(), JsonlWriter("out/")],
        tasks=4,
    ).run()

Each document's ``text`` (the page's HTML, as ``WarcReader`` gives it) is
replaced by the article's text, and the article's metadata is added to the
document's ``metadata`` (``title``, ``authors``, ``published``...; dates
as ISO 8601 strings; the article's canonical URL as ``canonical_url``, so
that the crawled ``url`` stays). Documents whose page has no story, or
fails, are dropped and counted, as datatrove's extractors do.

Unlike datatrove's ``BaseExtractor``, the step needs no sandbox process:
``unboil`` cannot hang (``timeout`` is its per-page ``time_limit``) nor
crash the interpreter (a bad page is an ``unboil.Error``). Pages are
cleaned ``batch_size`` at a time with the GIL released, on ``jobs`` threads.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import islice

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.extractors.base import BaseExtractor
from datatrove.utils.logging import logger
from datatrove.utils.typeshelper import StatHints

from . import Article, Cleaner, Error, Focus, TimedOutError

__all__ = ["Unboil", "METADATA_FIELDS"]

#: The article fields the step adds to a document's metadata by default.
METADATA_FIELDS: tuple[str, ...] = (
    "title",
    "authors",
    "published",
    "modified",
    "site_name",
    "language",
    "description",
    "canonical_url",
    "image",
    "categories",
    "tags",
    "page_type",
)


class Unboil(BaseExtractor):
    """Extracts each document's article with ``unboil``.

    Args:
        focus: ``"precision"``, ``"balanced"`` or ``"recall"``.
        tables: keep data tables.
        comments: also keep the reader comments (in ``metadata["comments"]``,
            as text).
        timeout: the most seconds one page may take (``unboil``'s
            ``time_limit``); a page past it is dropped and counted as
            ``timeout``.
        metadata_fields: which article fields go into the document's
            metadata (see ``METADATA_FIELDS``); empty for none.
        drop_empty: drop documents whose page has no story (as datatrove's
            extractors do); with ``False`` they are kept with an empty text.
        batch_size: pages cleaned per call.
        jobs: threads per task (datatrove already runs one task per
            worker process, so 1 by default).
    """

    name = "⛏ Unboil"
    _requires_dependencies: list[str] = []

    def __init__(
        self,
        focus: Focus = "balanced",
        tables: bool = True,
        comments: bool = False,
        timeout: float = 1.0,
        metadata_fields: Sequence[str] = METADATA_FIELDS,
        drop_empty: bool = True,
        batch_size: int = 64,
        jobs: int = 1,
    ):
        super().__init__(timeout)
        unknown = set(metadata_fields) - set(METADATA_FIELDS)
        if unknown:
            raise ValueError(f"unknown metadata fields: {sorted(unknown)}; known: {METADATA_FIELDS}")
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.focus = focus
        self.tables = tables
        self.comments = comments
        self.metadata_fields = tuple(metadata_fields)
        self.drop_empty = drop_empty
        self.batch_size = batch_size
        self.jobs = jobs
        # Fail now, not in a worker, on a bad option value.
        self._cleaner()

    def _cleaner(self) -> Cleaner:
        return Cleaner(
            focus=self.focus,
            tables=self.tables,
            comments=self.comments,
            time_limit=self.timeout,
        )

    def extract(self, text: str) -> str:
        """The article text of one page (empty when it has no story).

        Raises an ``unboil.Error`` subclass when the page cannot be cleaned.
        """
        return self._cleaner().clean(text).text

    def _annotate(self, doc: Document, article: Article) -> None:
        """Replaces the document's HTML by the article's text and adds the
        chosen metadata."""
        doc.text = article.text
        if self.metadata_fields:
            metadata = article.metadata()
            metadata["canonical_url"] = metadata.pop("url")
            for field in self.metadata_fields:
                doc.metadata[field] = metadata[field]
        if self.comments:
            doc.metadata["comments"] = "\n\n".join(block.text for block in article.comments)

    def _failed(self, error: Error) -> None:
        if isinstance(error, TimedOutError):
            self.stat_update("timeout")
            return
        self.stat_update("clean_error", type(error).__name__)
        if not getattr(self, "_warned_error", False):
            logger.warning(f'❌ Error "{error}" while cleaning a record. Skipping it. This message only appears once.')
            self._warned_error = True

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Cleans the documents ``batch_size`` at a time and yields those
        with a story, in input order."""
        if data is None:
            return
        cleaner = self._cleaner()
        documents: Iterator[Document] = iter(data)
        while batch := list(islice(documents, self.batch_size)):
            pages = [doc.text for doc in batch]
            urls = [_str_or_none(doc.metadata.get("url")) for doc in batch]
            with self.track_time(unit="batch"):
                results = cleaner.clean_many(pages, jobs=self.jobs, urls=urls)
            for doc, result in zip(batch, results):
                self.stat_update(StatHints.total)
                if isinstance(result, Error):
                    self._failed(result)
                    continue
                self.stat_update("extracted")
                self._annotate(doc, result)
                if doc.text or not self.drop_empty:
                    self.stat_update(StatHints.forwarded)
                    self.update_doc_stats(doc)
                    yield doc
                else:
                    self.stat_update(StatHints.dropped)


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None
