"""The PySpark job (examples/spark_warc.py) on ``local[2]``: run as a
script, unchanged, it writes one Parquet row per page with the CLI's
title and text."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys

import pytest

from conftest import REPO, WARC_PAGES

pytest.importorskip("pyspark")

JOB = REPO / "examples" / "spark_warc.py"


def spark_env() -> dict[str, str]:
    env = dict(os.environ)
    # Driver and workers run this interpreter, where unboil is installed.
    env["PYSPARK_PYTHON"] = sys.executable
    env["PYSPARK_DRIVER_PYTHON"] = sys.executable
    return env


def read_parquet(path) -> list[dict]:
    """The rows of a Parquet output (a folder of part files)."""
    import pyarrow.parquet as pq

    return pq.read_table(str(path)).to_pylist()


def run_job(*args: str) -> subprocess.CompletedProcess:
    """Runs the job as a script on local[2], as spark-submit would."""
    run = subprocess.run(
        [sys.executable, str(JOB), "--master", "local[2]", *args],
        env=spark_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return run


def test_spark_job_on_a_warc_matches_the_cli(tmp_path, test_warc, cli_records):
    output = tmp_path / "articles.parquet"
    # A second WARC, cut short: its whole records are read, then an error
    # row stands for the malformed rest; the first WARC is unaffected.
    broken = tmp_path / "broken.warc"
    whole = gzip.decompress(test_warc.read_bytes())
    broken.write_bytes(whole[: len(whole) // 3])
    run = run_job("--warc", str(test_warc), str(broken), "--output", str(output), "--partitions", "2")
    rows = read_parquet(output)
    assert f"spark_warc: {len(rows)} pages cleaned" in run.stdout
    errors = [row for row in rows if row["error"] is not None]
    assert len(errors) == 1
    assert errors[0]["url"].endswith("broken.warc") and errors[0]["error"].startswith("WarcError")
    assert errors[0]["text"] is None
    pages = [row for row in rows if row["error"] is None]
    assert WARC_PAGES < len(pages) < 2 * WARC_PAGES
    assert {row["url"] for row in pages} == set(cli_records)
    for row in pages:
        record = cli_records[row["url"]]
        assert row["title"] == record["title"]
        assert row["text"] == record["text"]
        assert row["authors"] == record["authors"]
        assert row["published"] == record.get("published")
        assert row["warc_date"] == "2019-11-20T10:00:00Z"


def test_spark_job_on_parquet_keeps_bad_pages_as_errors(tmp_path, eval_pages):
    from pyspark.sql import SparkSession

    import unboil

    import pyarrow as pa
    import pyarrow.parquet as pq

    import unboil

    pages = [(url, body.decode("utf-8")) for url, body in eval_pages[:4]] + [("https://bad.example/", "   ")]
    table = tmp_path / "pages.parquet"
    pq.write_table(pa.table({"url": [u for u, _ in pages], "html": [h for _, h in pages]}), str(table))
    output = tmp_path / "articles.parquet"
    run_job("--parquet", str(table), "--output", str(output))
    rows = {row["url"]: row for row in read_parquet(output)}
    assert len(rows) == 5
    assert rows["https://bad.example/"]["error"].startswith("EmptyInputError")
    assert rows["https://bad.example/"]["text"] is None
    for url, html in pages[:4]:
        article = unboil.clean_article(html, url=url, time_limit=10.0)
        assert rows[url]["text"] == article.text
        assert rows[url]["title"] == article.title
        assert rows[url]["error"] is None
