"""``python -m clearance.cli``: the command line."""

from clearance.cli.main import main

main()
