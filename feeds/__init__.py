"""Feed scrapers that keep the data tables under ``rules/data/`` current.

One module per source (``feeds/ecb.py``, ``feeds/ofac.py``, ...), each doing the same five
steps through :mod:`feeds.pipeline`: fetch, parse, normalise, validate, write atomically with
provenance. Dependencies point downward: ``feeds`` may import ``engine``; ``engine`` never
imports ``feeds``.
"""
