"""WARC input: ``unboil.read_warc``, and the datatrove pipeline
``WarcReader`` → ``Unboil`` → ``JsonlWriter`` on the local executor; both
give the CLI's answers (``unboil --warc``) for every page."""

from __future__ import annotations

import gzip
import json

import pytest

import unboil
from conftest import WARC_PAGES


def test_read_warc_gives_the_html_responses(test_warc, eval_pages):
    reader = unboil.read_warc(test_warc)
    pages = list(reader)
    assert [p.target_uri for p in pages] == [url for url, _ in eval_pages[:WARC_PAGES]]
    assert [p.body for p in pages] == [body for _, body in eval_pages[:WARC_PAGES]]
    assert all(p.status == 200 and p.content_type == "text/html; charset=utf-8" for p in pages)
    assert pages[0].date == "2019-11-20T10:00:00Z" and pages[0].record_id.startswith("<urn:uuid:")
    # warcinfo + a request per page + the image response, all skipped.
    assert reader.stats == {
        "records": 1 + 2 * WARC_PAGES + 1,
        "pages": WARC_PAGES,
        "not_html": 1,
        "not_response": 1 + WARC_PAGES,
    }
    # The same from the file's bytes, and from the uncompressed file.
    assert [p.body for p in unboil.read_warc(test_warc.read_bytes())] == [p.body for p in pages]
    plain = test_warc.with_suffix("")
    plain.write_bytes(gzip.decompress(test_warc.read_bytes()))
    assert [p.target_uri for p in unboil.read_warc(str(plain))] == [p.target_uri for p in pages]


def test_read_warc_and_clean_match_the_cli(test_warc, cli_records):
    cleaner = unboil.Cleaner()
    for page in unboil.read_warc(test_warc):
        article = cleaner.clean(page.body, url=page.target_uri, content_type=page.content_type)
        record = cli_records[page.target_uri]
        assert article.title == record["title"]
        assert article.text == record["text"]


def test_datatrove_pipeline_matches_the_cli(tmp_path, test_warc, cli_records):
    pytest.importorskip("datatrove")
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter

    from unboil.datatrove import Unboil

    executor = LocalPipelineExecutor(
        pipeline=[
            WarcReader(str(test_warc.parent), glob_pattern="*.warc.gz"),
            Unboil(batch_size=5),
            JsonlWriter(str(tmp_path / "out"), compression=None),
        ],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()
    documents = []
    for path in sorted((tmp_path / "out").glob("*.jsonl")):
        documents += [json.loads(line) for line in path.read_text().splitlines()]
    # Every page of the WARC has a story, so none is dropped.
    assert len(documents) == WARC_PAGES
    for document in documents:
        metadata = document["metadata"]
        record = cli_records[metadata["url"]]
        assert document["text"] == record["text"]
        assert metadata["title"] == record["title"]
        assert metadata["authors"] == record["authors"]
        assert metadata["language"] == record["language"]
    # The step's statistics count what happened.
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    unboil_stats = next(s for s in stats if "Unboil" in s["name"])["stats"]
    def count(value):
        return value if isinstance(value, int) else value["total"]

    assert count(unboil_stats["extracted"]) == WARC_PAGES
    assert count(unboil_stats["forwarded"]) == WARC_PAGES


def test_datatrove_step_drops_failures_and_empty_pages():
    pytest.importorskip("datatrove")
    from datatrove.data import Document

    from unboil.datatrove import Unboil

    story = "<article><p>" + "The harbour reopened on Monday after a week of storms. " * 4 + "</p></article>"
    documents = [
        Document(text=story, id="good", metadata={"url": "https://a.example/2022/02/03/harbour"}),
        Document(text="", id="empty", metadata={}),
        Document(text="<nav><a href='/'>Home</a></nav>", id="no-story", metadata={"url": 5}),
        Document(text=story.replace("harbour", "ferry"), id="good-2", metadata={}),
    ]
    step = Unboil(batch_size=3, metadata_fields=["title", "published"])
    kept = list(step.run(iter(documents)))
    assert [d.id for d in kept] == ["good", "good-2"]
    assert kept[0].text.startswith("The harbour reopened")
    assert kept[0].metadata == {"url": "https://a.example/2022/02/03/harbour", "title": None, "published": "2022-02-03"}
    assert step.extract(story).startswith("The harbour reopened")
    with pytest.raises(ValueError):
        Unboil(metadata_fields=["nope"])
    with pytest.raises(unboil.OptionError):
        Unboil(focus="fast")
