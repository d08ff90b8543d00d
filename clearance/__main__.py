"""``python -m clearance``: the command line."""

from clearance.cli.main import main

main()
