"""The bundled rule library, shipped as package data (``clearance.rules``): packs, tables, schemas.

Only YAML and JSON files live here; this file makes the folder importable so that
``importlib.resources`` finds it in a wheel and in an editable checkout alike.
"""
