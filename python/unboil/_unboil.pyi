"""Type stubs of the native module ``unboil._unboil`` (PyO3)."""

import datetime
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Literal, final

from ._errors import Error

__all__ = ["Cleaner", "Article", "Block", "WarcReader", "WarcPage", "is_html", "read_warc", "__version__"]

__version__: str

@final
class Block:
    """One kept piece of the story, in reading order."""

    @property
    def kind(
        self,
    ) -> Literal["heading", "paragraph", "list_item", "quote", "code", "table_row", "caption", "figure"]:
        """What the block is."""
    @property
    def level(self) -> int | None:
        """A heading's level, 1 to 6; ``None`` for other blocks."""
    @property
    def text(self) -> str:
        """The block's text, whitespace collapsed (kept as written in code)."""
    @property
    def quote_depth(self) -> int:
        """How many block quotations hold the block (0: none)."""
    @property
    def spans(self) -> list[dict[str, Any]]:
        """Formatting, links and images over byte ranges of the text's UTF-8."""
    @property
    def list(self) -> dict[str, Any] | None:
        """The list item the block belongs to, or ``None``."""
    @property
    def row(self) -> dict[str, Any] | None:
        """A table row's cells, or ``None``."""
    def to_dict(self) -> dict[str, Any]:
        """The block as plain Python objects."""

@final
class Article:
    """The cleaned article: the story's blocks and the page's metadata."""

    @property
    def text(self) -> str:
        """The story as plain text, a blank line between blocks."""
    @property
    def title(self) -> str | None:
        """The story's headline, without the site name."""
    @property
    def authors(self) -> list[str]:
        """The authors' names, cleaned."""
    @property
    def published(self) -> datetime.datetime | None:
        """When the story was first published."""
    @property
    def modified(self) -> datetime.datetime | None:
        """When the story was last updated."""
    @property
    def site_name(self) -> str | None:
        """The name of the site or publication."""
    @property
    def language(self) -> str | None:
        """The story's language as a BCP 47 tag."""
    @property
    def description(self) -> str | None:
        """The page's summary of the story."""
    @property
    def url(self) -> str | None:
        """The canonical URL of the story."""
    @property
    def image(self) -> str | None:
        """The story's main image URL."""
    @property
    def categories(self) -> list[str]:
        """The sections the story is filed under."""
    @property
    def tags(self) -> list[str]:
        """The story's tags or keywords."""
    @property
    def page_type(self) -> str | None:
        """The page type as declared (JSON-LD ``@type``, else ``og:type``)."""
    @property
    def blocks(self) -> list[Block]:
        """The kept blocks of the story, in reading order."""
    @property
    def comments(self) -> list[Block]:
        """The reader comments (with ``comments=True``)."""
    def is_empty(self) -> bool:
        """True when no story block was kept."""
    def to_markdown(self) -> str:
        """The story as Markdown (CommonMark with GitHub's tables)."""
    def to_html(self) -> str:
        """The story as clean HTML (one ``<article>`` element)."""
    def to_json(self, *, pretty: bool = True) -> str:
        """The whole article as JSON."""
    def to_dict(self) -> dict[str, Any]:
        """The whole article as plain Python objects (``json.loads(to_json())``)."""
    def metadata(self) -> dict[str, Any]:
        """The metadata alone, dates as ISO 8601 strings."""

@final
class Cleaner:
    """Reusable settings for cleaning pages; thread-safe."""

    def __new__(
        cls,
        *,
        url: str | None = None,
        # None (or left out) keeps the default, given after each.
        input: Literal["auto", "html", "text"] | None = None,  # "auto"
        focus: Literal["precision", "balanced", "recall"] | None = None,  # "balanced"
        comments: bool | None = None,  # False
        tables: bool | None = None,  # True
        links: bool | None = None,  # False
        images: bool | None = None,  # False
        formatting: bool | None = None,  # True
        max_input_bytes: int | None = None,
        time_limit: float | None = None,
    ) -> Cleaner: ...
    def clean(
        self,
        page: str | bytes | bytearray,
        *,
        url: str | None = None,
        content_type: str | None = None,
    ) -> Article:
        """Cleans one page; raises an ``unboil.Error`` subclass on failure."""
    def clean_many(
        self,
        pages: Iterable[str | bytes | bytearray],
        *,
        jobs: int | None = None,
        urls: Sequence[str | None] | None = None,
        content_types: Sequence[str | None] | None = None,
    ) -> list[Article | Error]:
        """Cleans many pages in parallel; each page's article or error, in order."""

@final
class WarcPage:
    """One HTML page of a WARC file."""

    @property
    def target_uri(self) -> str | None: ...
    @property
    def date(self) -> str | None: ...
    @property
    def record_id(self) -> str | None: ...
    @property
    def status(self) -> int | None: ...
    @property
    def content_type(self) -> str | None: ...
    @property
    def body(self) -> bytes: ...

@final
class WarcReader(Iterator[WarcPage]):
    """The HTML pages of a WARC file, in file order."""

    def __iter__(self) -> WarcReader: ...
    def __next__(self) -> WarcPage: ...
    @property
    def stats(self) -> dict[str, int]:
        """Records read, pages yielded, records skipped."""

def read_warc(source: str | os.PathLike[str] | bytes | bytearray) -> WarcReader:
    """The HTML pages of a WARC file (path or content)."""

def is_html(text: str) -> bool:
    """Whether ``input="auto"`` treats ``text`` as HTML."""
