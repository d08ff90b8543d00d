"""Reading the small YAML files a run or a service is configured with (waivers, per-rule
configuration): size-limited safe YAML, dates as text, checked against their JSON Schema, every
problem a PackError with the file and line and the file's own error kind."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from clearance.engine.errors import PackError, PackErrors
from clearance.engine.schemas import errors_of, json_path
from clearance.engine.yamlsafe import LoadedYaml, load_yaml_bytes

MAX_CONFIG_FILE_BYTES = 4 * 1024 * 1024


def config_problem(
    kind: str, message: str, file: str, line: int | None, path: str | None = None
) -> PackError:
    """A problem in a configuration file of ``kind`` (waivers, config)."""
    error = PackError(message, file=file, line=line, path=path)
    error.kind = kind
    return error


def _dates_as_text(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _dates_as_text(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_dates_as_text(v) for v in node]
    if isinstance(node, dt.date):
        return node.isoformat()
    return node


def read_config_file(path: Path, schema: str, kind: str, what: str) -> LoadedYaml:
    """Parse ``path`` and check it against ``schema``; raise PackErrors naming file and line."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PackErrors(
            [config_problem(kind, f"cannot read: {exc.strerror}", name, None)]
        ) from None
    try:
        loaded = load_yaml_bytes(raw, name, MAX_CONFIG_FILE_BYTES, what)
    except PackError as exc:
        raise PackErrors([config_problem(kind, exc.message, name, exc.line)]) from None
    data = _dates_as_text(loaded.data)
    found = errors_of(schema, data)
    if found:
        raise PackErrors(
            [
                config_problem(kind, f"{json_path(p)}: {m}", name, loaded.line_of(p), json_path(p))
                for p, m in found
            ]
        )
    return LoadedYaml(data=data, lines=loaded.lines, file=name)
