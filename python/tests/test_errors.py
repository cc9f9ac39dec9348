"""Bad input raises an ``unboil.Error`` subclass, one per kind, never a
crash; in a batch, bad pages are listed as errors and the good ones kept."""

from __future__ import annotations

import os

import pytest

import unboil

STORY = "<article><p>" + "The harbour reopened on Monday after a week of storms had kept every boat in port. " * 3 + "</p></article>"


def test_every_error_class_is_an_unboil_error():
    classes = [
        unboil.InputTypeError,
        unboil.InvalidTextError,
        unboil.EmptyInputError,
        unboil.BinaryInputError,
        unboil.InputTooLargeError,
        unboil.TooManyNodesError,
        unboil.TextTooLargeError,
        unboil.TimedOutError,
        unboil.NotAPageError,
        unboil.InvalidUrlError,
        unboil.OptionError,
        unboil.WarcError,
    ]
    assert len(set(classes)) == len(classes)
    for cls in classes:
        assert issubclass(cls, unboil.Error) and cls is not unboil.Error
    assert issubclass(unboil.InputTypeError, TypeError)
    assert issubclass(unboil.EmptyInputError, ValueError)
    assert issubclass(unboil.TimedOutError, TimeoutError)
    assert issubclass(unboil.WarcError, OSError)
    assert issubclass(unboil.OptionError, ValueError) and issubclass(unboil.OptionError, TypeError)


@pytest.mark.parametrize("page", [None, 42, 4.2, ["<p>x</p>"], {"html": "<p>x</p>"}, object()])
def test_non_pages_raise_input_type_error(page):
    with pytest.raises(unboil.InputTypeError, match="must be str or bytes"):
        unboil.clean_article(page)


@pytest.mark.parametrize("page", ["", "   \n\t ", b"", b"  \r\n"])
def test_empty_pages_raise_empty_input_error(page):
    with pytest.raises(unboil.EmptyInputError):
        unboil.clean_article(page)


def test_lone_surrogates_raise_invalid_text_error():
    with pytest.raises(unboil.InvalidTextError):
        unboil.clean_article("<p>broken \udcff text</p>")


def test_invalid_utf8_bytes():
    # Random bytes: not UTF-8, not text in any encoding.
    junk = os.urandom(20_000)
    with pytest.raises(unboil.BinaryInputError):
        unboil.clean_article(junk)
    # Bytes that are invalid UTF-8 inside a real page are decoded (U+FFFD),
    # not refused.
    page = STORY.encode().replace(b"harbour", b"harb\xff\xfeour", 1)
    article = unboil.clean_article(page)
    assert "harb\ufffd" in article.text or "harb" in article.text
    assert "reopened on Monday" in article.text


def test_fifty_megabytes_of_junk():
    junk = os.urandom(50 * 1024 * 1024)
    # Decoded (as a legacy encoding, since it is not UTF-8), 50 MB of random
    # bytes become more text than the 64 MiB limit.
    with pytest.raises(unboil.InputTooLargeError):
        unboil.clean_article(junk)
    with pytest.raises(unboil.BinaryInputError):
        unboil.clean_article(junk, max_input_bytes=256 * 1024 * 1024)
    with pytest.raises(unboil.InputTooLargeError):
        unboil.clean_article(junk, max_input_bytes=10 * 1024 * 1024)
    # The same as text: control characters.
    controls = junk.translate(bytes(b % 32 for b in range(256))).decode("ascii")
    with pytest.raises(unboil.BinaryInputError):
        unboil.clean_article(controls)
    # 50 MB of markup: more elements than the node limit allows.
    tags = "<br>" * (50 * 1024 * 1024 // 4)
    with pytest.raises(unboil.TooManyNodesError):
        unboil.clean_article(tags)


def test_time_limit_raises_timed_out_error():
    with pytest.raises(unboil.TimedOutError):
        unboil.clean_article(STORY, time_limit=0)
    assert unboil.clean_article(STORY, time_limit=10).text


@pytest.mark.parametrize(
    "options",
    [
        {"focus": "fast"},
        {"input": "pdf"},
        {"time_limit": -1.0},
        {"time_limit": float("nan")},
        {"time_limit": "soon"},
        {"focus": 5},
        {"comments": "yes"},
        {"tables": 1},
        {"max_input_bytes": -5},
        {"url": 5},
        {"content_type": b"text/html"},
    ],
)
def test_bad_options_raise_option_error(options):
    with pytest.raises(unboil.OptionError):
        unboil.clean_article(STORY, **options)


def test_batch_with_bad_pages_keeps_the_good_ones():
    pages = [STORY, None, "", os.urandom(5000), 17, "<p>\udcff</p>", STORY.encode(), STORY.replace("harbour", "ferry")]
    results = unboil.clean_many(pages, jobs=2)
    assert len(results) == len(pages)
    assert isinstance(results[0], unboil.Article) and "harbour reopened" in results[0].text
    assert isinstance(results[1], unboil.InputTypeError)
    assert isinstance(results[2], unboil.EmptyInputError)
    assert isinstance(results[3], unboil.BinaryInputError)
    assert isinstance(results[4], unboil.InputTypeError)
    assert isinstance(results[5], unboil.InvalidTextError)
    assert results[6].text == results[0].text
    assert "ferry reopened" in results[7].text


def test_batch_arguments_are_checked():
    with pytest.raises(unboil.InputTypeError):
        unboil.clean_many(STORY)  # one page, not a list of pages
    with pytest.raises(unboil.InputTypeError):
        unboil.clean_many(42)
    with pytest.raises(unboil.OptionError, match="urls has 1 entries for 2 pages"):
        unboil.clean_many([STORY, STORY], urls=["https://a.example/"])
    with pytest.raises(unboil.OptionError):
        unboil.clean_many([STORY], urls=[3])
    with pytest.raises(unboil.OptionError):
        unboil.clean_many([STORY], jobs=0)
    with pytest.raises(unboil.OptionError, match="jobs must be an int >= 1 or None, not -1"):
        unboil.clean_many([STORY], jobs=-1)
    with pytest.raises(unboil.OptionError):
        unboil.clean_many([STORY], jobs="2")


def test_batch_time_limit_is_per_page():
    results = unboil.clean_many([STORY, STORY], time_limit=0)
    assert all(isinstance(r, unboil.TimedOutError) for r in results)


def test_warc_errors():
    with pytest.raises(unboil.WarcError, match="cannot read"):
        unboil.read_warc("/nonexistent/file.warc.gz")
    with pytest.raises(unboil.InputTypeError):
        unboil.read_warc(12)
    reader = unboil.read_warc(b"WARC/1.0\r\nthis is not a record\r\n\r\n")
    with pytest.raises(unboil.WarcError, match="malformed"):
        list(reader)
