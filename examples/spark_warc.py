"""Clean a crawl with PySpark: WARC files (or a Parquet table of ``url,
html``) in, Parquet of the articles out.

::

    spark-submit examples/spark_warc.py --warc 's3a://bucket/crawl/*.warc.gz' --output articles.parquet
    spark-submit examples/spark_warc.py --parquet pages.parquet --output articles.parquet
    python examples/spark_warc.py --master 'local[2]' --warc crawl.warc.gz --output articles.parquet

Each executor needs the ``unboil`` package (``pip install ./python`` from
the repository, or a wheel built from it). The job runs unchanged on a
cluster: WARC files are read through Spark's file system layer
(``binaryFiles``: local, HDFS, S3...), pages are spread over
``--partitions`` partitions when there are fewer files than that, and each
partition builds one ``unboil.Cleaner`` and cleans its pages one after the
other on the core Spark gave the task (``mapPartitions``). The output has one row per page:
its URL, the WARC date, the article's fields (dates as ISO 8601 strings,
as the page gave them) and ``error`` (the ``unboil.Error`` class and
message) for pages that could not be cleaned.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterable, Iterator

from pyspark.sql import SparkSession
from pyspark.sql import types as T

#: The output columns.
SCHEMA = T.StructType(
    [
        T.StructField("url", T.StringType()),
        T.StructField("warc_date", T.StringType()),
        T.StructField("title", T.StringType()),
        T.StructField("text", T.StringType()),
        T.StructField("authors", T.ArrayType(T.StringType())),
        T.StructField("published", T.StringType()),
        T.StructField("modified", T.StringType()),
        T.StructField("site_name", T.StringType()),
        T.StructField("language", T.StringType()),
        T.StructField("description", T.StringType()),
        T.StructField("canonical_url", T.StringType()),
        T.StructField("image", T.StringType()),
        T.StructField("categories", T.ArrayType(T.StringType())),
        T.StructField("tags", T.ArrayType(T.StringType())),
        T.StructField("page_type", T.StringType()),
        T.StructField("error", T.StringType()),
    ]
)

#: The article fields of the output, in SCHEMA order, as
#: ``Article.metadata()`` names them (``url`` is the canonical URL).
ARTICLE_FIELDS = [
    "title",
    "authors",
    "published",
    "modified",
    "site_name",
    "language",
    "description",
    "url",
    "image",
    "categories",
    "tags",
    "page_type",
]

# A page on its way: (url, warc_date, content_type, page as bytes or str).
Page = tuple


def warc_pages(files: Iterable[tuple[str, bytes]]) -> Iterator[Page]:
    """The HTML pages of WARC files given as (path, content), read by
    unboil's WARC reader (the one the CLI's ``--warc`` uses). A malformed
    record ends its file with an error row."""
    import unboil

    for path, content in files:
        try:
            for page in unboil.read_warc(bytes(content)):
                yield (page.target_uri, page.date, page.content_type, page.body)
        except unboil.Error as error:
            yield (path, None, None, error)


def clean_partition(pages: Iterable[Page], options: dict) -> Iterator[tuple]:
    """One row per page: one Cleaner for the whole partition."""
    import unboil

    cleaner = unboil.Cleaner(**options)
    # A failed page: its URL and date, no article, and the error.
    none = (None,) * (len(ARTICLE_FIELDS) + 1)  # the fields and the text
    for url, warc_date, content_type, page in pages:
        if isinstance(page, Exception):
            yield (url, warc_date, *none, f"{type(page).__name__}: {page}")
            continue
        try:
            article = cleaner.clean(page, url=url, content_type=content_type)
        except unboil.Error as error:
            yield (url, warc_date, *none, f"{type(error).__name__}: {error}")
            continue
        metadata = article.metadata()
        fields = [metadata[name] for name in ARTICLE_FIELDS]
        yield (url, warc_date, fields[0], article.text, *fields[1:], None)


def run(
    spark: SparkSession,
    output: str,
    warc: list[str] | None = None,
    parquet: str | None = None,
    partitions: int | None = None,
    options: dict | None = None,
    url_column: str = "url",
    html_column: str = "html",
) -> None:
    """Cleans the pages of ``warc`` (paths or globs) or of the Parquet table
    ``parquet`` (columns ``url_column``, ``html_column``: str or binary)
    and writes the articles to ``output`` as Parquet."""
    sc = spark.sparkContext
    options = dict(options or {})
    if warc:
        files = sc.binaryFiles(",".join(warc))
        # A WARC file is read whole by one task. With fewer files than
        # cores (or than --partitions), the pages are spread over the
        # partitions so that every core cleans; that shuffles the pages,
        # which many files (a crawl) do not need.
        pages = files.mapPartitions(warc_pages)
    elif parquet:
        table = spark.read.parquet(parquet).select(url_column, html_column)
        pages = table.rdd.map(lambda row: (row[0], None, None, row[1]))
    else:
        raise ValueError("give warc paths or a parquet table")
    wanted = partitions or sc.defaultParallelism
    if partitions or pages.getNumPartitions() < wanted:
        pages = pages.repartition(wanted)
    rows = pages.mapPartitions(lambda part: clean_partition(part, options))
    # The rows are built to the schema: checking every value again would
    # double the job's time.
    frame = spark.createDataFrame(rows, SCHEMA, verifySchema=False)
    frame.write.mode("overwrite").parquet(output)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--warc", nargs="+", help="WARC files or globs (.warc, .warc.gz)")
    source.add_argument("--parquet", help="a Parquet table with url and html columns")
    parser.add_argument("--output", required=True, help="where to write the Parquet output")
    parser.add_argument("--partitions", type=int, help="partitions to clean in [default: Spark's parallelism]")
    parser.add_argument("--master", help="Spark master, e.g. local[2] [default: spark-submit's]")
    parser.add_argument("--focus", choices=["precision", "balanced", "recall"], default="balanced")
    parser.add_argument("--no-tables", action="store_true", help="leave data tables out")
    parser.add_argument("--time-limit", type=float, default=10.0, help="seconds per page [default: 10]")
    args = parser.parse_args(argv)

    builder = SparkSession.builder.appName("unboil-warc")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    options = {"focus": args.focus, "tables": not args.no_tables, "time_limit": args.time_limit}
    started = time.perf_counter()
    run(spark, args.output, warc=args.warc, parquet=args.parquet, partitions=args.partitions, options=options)
    seconds = time.perf_counter() - started
    written = spark.read.parquet(args.output).count()
    print(f"spark_warc: {written} pages cleaned in {seconds:.2f} s ({written / seconds:.1f} pages/s) -> {args.output}")
    spark.stop()


if __name__ == "__main__":
    main()
