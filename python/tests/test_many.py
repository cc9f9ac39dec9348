"""``clean_many``: input order, the GIL released, the same answers as one
page at a time and as the CLI."""

from __future__ import annotations

import json
import subprocess
import threading
import time

import unboil


def story(i: int) -> str:
    return (
        f"<html><body><nav><a href='/'>Home</a></nav><article><h1>Report {i}</h1><p>Report {i}: the town council met "
        "on Tuesday evening and voted, after a long and heated debate, to rebuild the old stone bridge.</p>"
        "</article></body></html>"
    )


def test_results_keep_input_order():
    pages = [story(i) for i in range(200)]
    for jobs in (None, 1, 2, 3):
        results = unboil.clean_many(pages, jobs=jobs)
        assert [r.text.split(":")[0] for r in results] == [f"Report {i}" for i in range(200)], jobs


def test_any_iterable_of_pages():
    results = unboil.clean_many(story(i) for i in range(5))
    assert [r.title for r in results] == [f"Report {i}" for i in range(5)]
    assert unboil.clean_many([]) == []


def test_same_answers_as_one_page_at_a_time(eval_pages):
    pages = [body for _, body in eval_pages[:30]]
    urls = [url for url, _ in eval_pages[:30]]
    batch = unboil.clean_many(pages, urls=urls, jobs=2)
    for page, url, article in zip(pages, urls, batch):
        one = unboil.clean_article(page, url=url)
        assert (article.title, article.text, article.to_dict()) == (one.title, one.text, one.to_dict())


def test_per_page_urls_and_content_types():
    page = "<p>Der Bürgermeister eröffnete am Samstag das renovierte Rathaus, und viele Bürger kamen.</p>"
    results = unboil.clean_many(
        [page.encode("latin-1"), page.encode("latin-1")],
        urls=["https://a.example/2020/01/02/x", None],
        content_types=["text/html; charset=iso-8859-1", None],
    )
    assert "Bürgermeister" in results[0].text
    assert str(results[0].published.date()) == "2020-01-02"
    assert results[1].published is None


def test_the_gil_is_released_while_cleaning(eval_pages):
    """Another Python thread keeps running while a batch is cleaned: with
    the GIL held for the whole batch, it would not count at all."""
    pages = [body for _, body in eval_pages] * 2
    ticks = 0
    done = threading.Event()

    def count():
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0.001)

    counter = threading.Thread(target=count)
    counter.start()
    start_ticks = ticks
    started = time.perf_counter()
    unboil.clean_many(pages, jobs=1)
    elapsed = time.perf_counter() - started
    during = ticks - start_ticks
    done.set()
    counter.join()
    assert elapsed > 0.2, "the batch was too quick to tell"
    # At most one tick per millisecond; at least a tenth of them.
    assert during > elapsed * 1000 / 10, (during, elapsed)


def test_cli_jsonl_pipe_gives_the_same_answers(unboil_bin, eval_pages):
    """`unboil --input-format jsonl` (what rdd.pipe() runs) and clean_many
    agree on every page."""
    pages = eval_pages[:20]
    lines = "".join(json.dumps({"url": url, "html": body.decode("utf-8")}) + "\n" for url, body in pages)
    out = subprocess.run(
        [str(unboil_bin), "--input-format", "jsonl", "--format", "jsonl", "--jobs", "2"],
        input=lines.encode(),
        capture_output=True,
        check=True,
    )
    records = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert [r["source"] for r in records] == [url for url, _ in pages]
    articles = unboil.clean_many([body.decode("utf-8") for _, body in pages], urls=[url for url, _ in pages])
    for record, article in zip(records, articles):
        assert record["title"] == article.title
        assert record["text"] == article.text
        assert record.get("published") == article.metadata()["published"]
