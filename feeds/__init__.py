"""Feed scrapers that keep the data tables under ``rules/data/`` current.

One module per source (``clearance.feeds.ecb``, ``clearance.feeds.ofac``, ...), each doing the
same five steps through :mod:`clearance.feeds.pipeline`: fetch, parse, normalise, validate,
write atomically with provenance. Dependencies point downward: the feeds use the engine's table
and list-file code only; the engine never imports the feeds.
"""
