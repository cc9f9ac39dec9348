"""The Python API mirrors the crate's: options, the Article's typed
attributes, its renderings, and bytes through charset detection."""

from __future__ import annotations

import datetime
import json

import pytest

import unboil

PAGE = """<html lang="en"><head>
  <title>Rain returns | The Daily</title>
  <meta property="og:site_name" content="The Daily">
  <meta property="og:image" content="/img/rain.jpg">
  <meta name="description" content="The valley's dry summer is over.">
  <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Rain returns",
    "datePublished": "2024-09-03T07:30:00+02:00", "dateModified": "2024-09-04",
    "articleSection": "Weather", "keywords": "rain, farming",
    "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Roe"}]}</script>
</head><body>
  <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
  <article><h1>Rain returns</h1>
  <p>After a dry summer, the rain came back on <b>Tuesday</b>, and farmers across the valley were glad of it.</p>
  <h2>What comes next</h2>
  <p>Forecasters expect showers to continue through the week, with heavier falls in the hills, the
     <a href="/weather/forecast">forecast</a> says.</p>
  <ul><li>Showers on Wednesday and Thursday, heavier in the afternoon.</li>
      <li>Sunny spells on Friday, with a cool wind from the north.</li></ul>
  </article>
  <footer>Copyright 2024 The Daily. All rights reserved.</footer>
</body></html>"""


def test_article_has_typed_metadata():
    article = unboil.clean_article(PAGE, url="https://daily.example/rain")
    assert isinstance(article, unboil.Article)
    assert article.title == "Rain returns"
    assert article.authors == ["Jane Doe", "John Roe"]
    assert article.published == datetime.datetime(
        2024, 9, 3, 7, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=2))
    )
    assert article.published.utcoffset() == datetime.timedelta(hours=2)
    # A date alone: midnight, naive.
    assert article.modified == datetime.datetime(2024, 9, 4)
    assert article.modified.tzinfo is None
    assert article.site_name == "The Daily"
    assert article.language == "en"
    assert article.description == "The valley's dry summer is over."
    assert article.image == "https://daily.example/img/rain.jpg"
    assert article.categories == ["Weather"]
    assert article.tags == ["rain", "farming"]
    assert article.page_type == "NewsArticle"
    assert not article.is_empty()


def test_text_keeps_the_story_and_drops_the_boilerplate():
    article = unboil.clean_article(PAGE)
    assert article.text.startswith("After a dry summer, the rain came back on Tuesday")
    assert "Showers on Wednesday" in article.text
    assert "All rights reserved" not in article.text
    assert "Sport" not in article.text
    assert article.text == "\n\n".join(b.text for b in article.blocks if b.text)


def test_blocks_have_kinds_levels_and_structure():
    blocks = unboil.clean_article(PAGE).blocks
    kinds = [b.kind for b in blocks]
    assert kinds == ["paragraph", "heading", "paragraph", "list_item", "list_item"]
    heading = blocks[1]
    assert (heading.level, heading.text) == (2, "What comes next")
    assert blocks[0].level is None
    assert blocks[3].list == {"ordered": False, "depth": 0, "ordinal": 1, "continued": False, "quote_depth": 0}
    assert blocks[0].list is None and blocks[0].row is None
    bold = blocks[0].spans[0]
    text = blocks[0].text.encode()
    assert bold["type"] == "bold" and text[bold["start"] : bold["end"]] == b"Tuesday"
    assert blocks[0].to_dict()["kind"] == "paragraph"
    assert blocks[1].to_dict()["kind"] == {"heading": 2}


def test_renderings():
    article = unboil.clean_article(PAGE, links=True, url="https://daily.example/rain")
    markdown = article.to_markdown()
    assert markdown.startswith("# Rain returns\n\nAfter a dry summer, the rain came back on **Tuesday**")
    assert "## What comes next" in markdown
    assert "[forecast](<https://daily.example/weather/forecast>)" in markdown
    html = article.to_html()
    assert html.startswith("<article>") and "<strong>Tuesday</strong>" in html
    assert "<nav" not in html and "script" not in html


def test_to_dict_is_the_json():
    article = unboil.clean_article(PAGE)
    as_dict = article.to_dict()
    assert as_dict == json.loads(article.to_json())
    assert as_dict == json.loads(article.to_json(pretty=False))
    assert "\n" not in article.to_json(pretty=False)
    assert as_dict["published"] == "2024-09-03T07:30:00+02:00"
    assert as_dict["modified"] == "2024-09-04"
    assert [b["text"] for b in as_dict["blocks"]] == [b.text for b in article.blocks]
    metadata = article.metadata()
    for field, value in metadata.items():
        assert as_dict[field] == value, field
    # The library's one JSON schema (docs/schema.md) carries the text too.
    assert as_dict["text"] == article.text
    assert set(metadata) == set(as_dict) - {"blocks", "comments", "text"}


def test_options_reach_the_cleaner():
    table = (
        "<p>The council published the results of the vote on Monday evening, ward by ward, as follows.</p>"
        "<table><tr><th>Ward</th><th>Yes</th><th>No</th></tr><tr><td>North</td><td>412</td><td>120</td></tr></table>"
        "<p>Turnout was the highest since the ward boundaries were redrawn, the returning officer said.</p>"
    )
    with_tables = unboil.clean_article(table)
    assert any(b.kind == "table_row" for b in with_tables.blocks)
    assert with_tables.blocks[1].row["cells"][0]["text"] == "Ward"
    assert "North" not in unboil.clean_article(table, tables=False).text
    # input="text": the markup is text, not HTML.
    as_text = unboil.clean_article(
        "Home\nNews\n\nRain returns to the valley\n\nAfter a dry summer, the rain came back on Tuesday, "
        "and farmers across the valley were glad of it.\n",
        input="text",
    )
    assert as_text.title == "Rain returns to the valley"
    # The page's URL dates the story when nothing else does.
    dated = unboil.clean_article("<p>" + "A sentence of the story. " * 6 + "</p>", url="https://n.example/2021/03/04/story")
    assert dated.published == datetime.datetime(2021, 3, 4)


def test_bytes_are_decoded_by_charset():
    page = (
        "<html><head><meta charset=windows-1251><title>Новости</title></head><body>"
        "<p>Вчера вечером в городе прошёл сильный дождь, и многие улицы были затоплены водой.</p>"
        "<p>Синоптики обещают, что к выходным погода улучшится и станет значительно теплее.</p></body></html>"
    )
    raw = page.encode("windows-1251")
    assert "сильный дождь" in unboil.clean_article(raw).text
    # The HTTP header's charset wins over the page's <meta>.
    latin = "<p>Der Bürgermeister eröffnete am Samstag das renovierte Rathaus, und viele Bürger kamen.</p>"
    article = unboil.clean_article(latin.encode("latin-1"), content_type="text/html; charset=iso-8859-1")
    assert "Der Bürgermeister eröffnete" in article.text
    assert unboil.clean_article(bytearray(raw)).text == unboil.clean_article(raw).text


def test_cleaner_is_reusable_and_matches_clean_article():
    cleaner = unboil.Cleaner(focus="precision")
    first = cleaner.clean(PAGE)
    assert first.text == cleaner.clean(PAGE).text == unboil.clean_article(PAGE, focus="precision").text
    recall = unboil.Cleaner(focus="recall").clean(PAGE)
    assert len(recall.text) >= len(first.text)


def test_no_story_is_not_an_error():
    article = unboil.clean_article("<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    assert article.is_empty()
    assert article.text == ""
    assert article.blocks == []


def test_is_html():
    assert unboil.is_html("<p>Hello</p><p>World</p>")
    assert not unboil.is_html("Wrap bold words in <b> and </b>, the manual says.")
    assert unboil.__version__


def test_the_package_docstring_examples_run():
    import doctest

    failed, attempted = doctest.testmod(unboil, raise_on_error=False)
    assert attempted >= 4 and failed == 0
