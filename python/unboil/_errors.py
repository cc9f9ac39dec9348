"""The exceptions of ``unboil``: one class per kind of failure, all under
``unboil.Error``.

Each also derives from the built-in exception it resembles, so that code
catching ``ValueError``, ``TypeError``, ``TimeoutError`` or ``OSError``
catches it too.
"""

from __future__ import annotations

__all__ = [
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


class Error(Exception):
    """Base class of every error ``unboil`` raises (or lists in
    ``clean_many``'s results). Finding no story is *not* an error: that is
    an ``Article`` with no blocks."""


class InputTypeError(Error, TypeError):
    """The page is neither ``str`` nor ``bytes`` (``None``, a number...)."""


class InvalidTextError(Error, ValueError):
    """The page is a ``str`` that is not valid Unicode (lone surrogates).
    Raw ``bytes`` never raise this: they are decoded, invalid sequences
    becoming U+FFFD."""


class EmptyInputError(Error, ValueError):
    """The page is empty or holds only whitespace."""


class BinaryInputError(Error, ValueError):
    """The page looks like binary data (too many control characters), not
    text or HTML."""


class InputTooLargeError(Error, ValueError):
    """The page is larger than ``max_input_bytes`` (64 MiB by default)."""


class TooManyNodesError(Error, ValueError):
    """The parsed page has more elements than the node limit (4 million)."""


class TextTooLargeError(Error, ValueError):
    """The extracted text is larger than the text limit (32 MiB)."""


class TimedOutError(Error, TimeoutError):
    """Cleaning the page took longer than ``time_limit``."""


class NotAPageError(Error, ValueError):
    """The bytes are a PDF, an image or an archive (told by their first
    bytes), not a web page."""


class InvalidUrlError(Error, ValueError):
    """The page's URL (``url=``) is not an absolute URL that links can be
    resolved against."""


class OptionError(Error, ValueError, TypeError):
    """An option was given a value it does not take (``focus="fast"``,
    ``focus=5``, ``jobs=0``, ``urls`` of the wrong length...)."""


class WarcError(Error, OSError):
    """A WARC file could not be opened, or holds a malformed record."""
