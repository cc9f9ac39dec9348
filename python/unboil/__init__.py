"""Strips boilerplate from web pages: the story alone, with its metadata.

``unboil`` is the Python face of the Rust library of the same name. Give it
a page (HTML or already-scraped text, as ``str``, or raw ``bytes`` in any
encoding) and it returns an :class:`Article`: the title, the text in
reading order without navigation, share bars, "Most Popular" boxes,
comments and footers, and the page's metadata::

    >>> import unboil
    >>> article = unboil.clean_article(
    ...     "<html><head><title>Rain returns | The Daily</title></head><body>"
    ...     "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
    ...     "<article><h1>Rain returns</h1><p>After a dry summer, the rain came back"
    ...     " on Tuesday, and farmers across the valley were glad of it.</p></article>"
    ...     "<footer>Copyright 2024 The Daily.</footer></body></html>"
    ... )
    >>> article.title
    'Rain returns'
    >>> article.text.startswith("After a dry summer")
    True

Many pages at once, in parallel with the GIL released::

    >>> results = unboil.clean_many(["<p>" + "A story paragraph with words. " * 5 + "</p>", ""])
    >>> isinstance(results[0], unboil.Article), isinstance(results[1], unboil.EmptyInputError)
    (True, True)

Options (for every function and for :class:`Cleaner`):

- ``url``: the page's own URL; relative URLs resolve against it, and a
  date in its path counts as the publication date when the page has none.
- ``input``: ``"auto"`` (tell HTML from plain text), ``"html"``, ``"text"``.
- ``focus``: ``"precision"``, ``"balanced"`` (default) or ``"recall"``.
- ``comments``: also extract the reader comments (``Article.comments``).
- ``tables``: keep data tables (default ``True``).
- ``links``, ``images``: keep links and images as spans (Markdown, HTML).
- ``formatting``: keep bold, italic and inline code spans (default ``True``).
- ``max_input_bytes``: larger pages fail (default 64 MiB).
- ``time_limit``: seconds one page may take before it fails (default none).

Every failure is an :class:`Error` subclass, one per kind (see
``unboil._errors``); finding no story is not a failure but an article with
no blocks. ``unboil.datatrove.Unboil`` is a datatrove pipeline step, and
``examples/spark_warc.py`` in the repository a PySpark job.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from ._errors import (
    BinaryInputError,
    EmptyInputError,
    Error,
    InputTooLargeError,
    InputTypeError,
    InvalidTextError,
    InvalidUrlError,
    NotAPageError,
    OptionError,
    TextTooLargeError,
    TimedOutError,
    TooManyNodesError,
    WarcError,
)
from ._unboil import (
    Article,
    Block,
    Cleaner,
    WarcPage,
    WarcReader,
    __version__,
    is_html,
    read_warc,
)

__all__ = [
    "Article",
    "Block",
    "Cleaner",
    "WarcPage",
    "WarcReader",
    "clean_article",
    "clean_many",
    "is_html",
    "read_warc",
    "__version__",
    "Error",
    "InputTypeError",
    "InvalidTextError",
    "EmptyInputError",
    "BinaryInputError",
    "InputTooLargeError",
    "TooManyNodesError",
    "TextTooLargeError",
    "TimedOutError",
    "NotAPageError",
    "InvalidUrlError",
    "OptionError",
    "WarcError",
]

Input = Literal["auto", "html", "text"]
Focus = Literal["precision", "balanced", "recall"]


def clean_article(
    page: str | bytes,
    *,
    url: str | None = None,
    content_type: str | None = None,
    input: Input = "auto",
    focus: Focus = "balanced",
    comments: bool = False,
    tables: bool = True,
    links: bool = False,
    images: bool = False,
    formatting: bool = True,
    max_input_bytes: int | None = None,
    time_limit: float | None = None,
) -> Article:
    """Cleans one page and returns its :class:`Article`.

    ``page`` is a ``str`` or ``bytes``; bytes are decoded from their own
    encoding (a byte order mark, the charset of ``content_type``, the HTTP
    ``Content-Type`` header value, a ``<meta charset>``, else detection).
    The other options are described in the module docstring.

    Raises an :class:`Error` subclass when the page cannot be cleaned:
    :class:`InputTypeError` for anything but ``str`` and ``bytes``,
    :class:`EmptyInputError`, :class:`BinaryInputError`,
    :class:`InputTooLargeError`, :class:`TooManyNodesError`,
    :class:`TextTooLargeError`, :class:`TimedOutError`,
    :class:`InvalidTextError` for a ``str`` with lone surrogates, and
    :class:`OptionError` for a bad option value.
    """
    cleaner = Cleaner(
        input=input,
        focus=focus,
        comments=comments,
        tables=tables,
        links=links,
        images=images,
        formatting=formatting,
        max_input_bytes=max_input_bytes,
        time_limit=time_limit,
    )
    return cleaner.clean(page, url=url, content_type=content_type)


def clean_many(
    pages: Iterable[str | bytes],
    *,
    jobs: int | None = None,
    urls: Sequence[str | None] | None = None,
    content_types: Sequence[str | None] | None = None,
    input: Input = "auto",
    focus: Focus = "balanced",
    comments: bool = False,
    tables: bool = True,
    links: bool = False,
    images: bool = False,
    formatting: bool = True,
    max_input_bytes: int | None = None,
    time_limit: float | None = None,
) -> list[Article | Error]:
    """Cleans many pages in parallel and returns, in input order, each
    page's :class:`Article` or the :class:`Error` it failed with (returned,
    not raised: a bad page never spoils the others).

    The pages are cleaned on ``jobs`` threads (``None``: one per core) with
    the GIL released. ``urls`` and ``content_types``, when given, hold one
    entry (or ``None``) per page. ``time_limit`` is per page. The other
    options are described in the module docstring.

    Raises :class:`InputTypeError` when ``pages`` is not an iterable of
    pages, and :class:`OptionError` for a bad option value.
    """
    cleaner = Cleaner(
        input=input,
        focus=focus,
        comments=comments,
        tables=tables,
        links=links,
        images=images,
        formatting=formatting,
        max_input_bytes=max_input_bytes,
        time_limit=time_limit,
    )
    return cleaner.clean_many(pages, jobs=jobs, urls=urls, content_types=content_types)
