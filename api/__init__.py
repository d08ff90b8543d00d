"""Clearance's HTTP service: pre-publish screening of listings, orders and shipments.

``create_app(Settings(...))`` builds the FastAPI application; ``clearance serve`` runs it under
uvicorn. The service sits above :mod:`clearance.engine` and never imports the feeds or the CLI.
"""

from clearance.api.app import create_app, create_app_from_env
from clearance.api.settings import Settings

__all__ = ["Settings", "create_app", "create_app_from_env"]
