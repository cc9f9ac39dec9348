"""Shared fixtures: the evaluation pages, a small WARC made from them, and
the CLI's JSON Lines for that WARC (the answers every engine must give)."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
#: The evaluation datasets, beside the repository (as CI lays them out).
EVAL = Path(os.environ.get("UNBOIL_EVAL_DIR", REPO.parent / "shared" / "eval"))
SCRAPINGHUB = EVAL / "scrapinghub"
#: How many evaluation pages go into the test WARC.
WARC_PAGES = 12


def scrapinghub_pages() -> list[tuple[str, bytes]]:
    """(url, bytes) of every scrapinghub page, in id order."""
    if not SCRAPINGHUB.is_dir():
        pytest.skip(f"no evaluation data at {SCRAPINGHUB}")
    urls = {}
    with open(SCRAPINGHUB / "truth.jsonl", encoding="utf-8") as truth:
        for line in truth:
            record = json.loads(line)
            urls[record["id"]] = record["url"]
    pages = []
    for path in sorted((SCRAPINGHUB / "pages").glob("*.html")):
        pages.append((urls[path.stem], path.read_bytes()))
    return pages


def warc_record(kind: str, uri: str, block: bytes, extra: str = "") -> bytes:
    """One WARC/1.0 record, gzipped on its own (as Common Crawl stores them)."""
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2019-11-20T10:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\nWARC-Target-URI: {uri}\r\n{extra}"
        f"Content-Length: {len(block)}\r\n\r\n"
    )
    return gzip.compress(head.encode() + block + b"\r\n\r\n")


def http_response(content_type: str, body: bytes) -> bytes:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode() + body


def write_warc(path: Path, pages: list[tuple[str, bytes]]) -> Path:
    """A .warc.gz of these pages as HTML responses, each after its request
    record, with a warcinfo record first and an image response in the
    middle (which every reader must skip)."""
    records = [warc_record("warcinfo", "", b"software: unboil tests\r\n", "Content-Type: application/warc-fields\r\n")]
    for i, (url, body) in enumerate(pages):
        records.append(warc_record("request", url, f"GET / HTTP/1.1\r\nHost: x\r\n\r\n".encode(), "Content-Type: application/http; msgtype=request\r\n"))
        records.append(
            warc_record(
                "response",
                url,
                http_response("text/html; charset=utf-8", body),
                "Content-Type: application/http; msgtype=response\r\nWARC-Identified-Payload-Type: text/html\r\n",
            )
        )
        if i == len(pages) // 2:
            png = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
            records.append(
                warc_record(
                    "response",
                    "https://images.example/logo.png",
                    http_response("image/png", png),
                    "Content-Type: application/http; msgtype=response\r\nWARC-Identified-Payload-Type: image/png\r\n",
                )
            )
    path.write_bytes(b"".join(records))
    return path


def unboil_binary() -> Path:
    """The CLI: $UNBOIL_BIN, else target/release/unboil, built if missing."""
    if "UNBOIL_BIN" in os.environ:
        return Path(os.environ["UNBOIL_BIN"])
    binary = REPO / "target" / "release" / "unboil"
    if not binary.exists():
        if shutil.which("cargo") is None:
            pytest.skip("no unboil binary and no cargo to build it")
        subprocess.run(
            ["cargo", "build", "--release", "--features", "cli", "--bin", "unboil"],
            cwd=REPO,
            check=True,
        )
    return binary


@pytest.fixture(scope="session")
def unboil_bin() -> Path:
    return unboil_binary()


@pytest.fixture(scope="session")
def eval_pages() -> list[tuple[str, bytes]]:
    return scrapinghub_pages()


@pytest.fixture(scope="session")
def test_warc(tmp_path_factory, eval_pages) -> Path:
    """A .warc.gz of the first WARC_PAGES scrapinghub pages."""
    folder = tmp_path_factory.mktemp("warc")
    return write_warc(folder / "pages.warc.gz", eval_pages[:WARC_PAGES])


@pytest.fixture(scope="session")
def cli_records(unboil_bin, test_warc) -> dict[str, dict]:
    """The CLI's JSON Lines for the test WARC, by target URI."""
    out = subprocess.run(
        [str(unboil_bin), "--warc", str(test_warc), "--format", "jsonl", "--jobs", "2"],
        check=True,
        capture_output=True,
    )
    records = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert len(records) == WARC_PAGES
    return {record["target_uri"]: record for record in records}
