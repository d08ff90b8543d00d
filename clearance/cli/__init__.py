"""The `clearance` command line: check documents, work on rule packs, serve, refresh feeds."""
