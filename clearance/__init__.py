"""Clearance: compliance rules for cross-border e-commerce (command line)."""

__version__ = "0.1.0"
