"""Safe YAML loading with line numbers, duplicate-key detection and an alias-expansion cap.

Only PyYAML's SafeLoader is used. Anchors and aliases are allowed, but a document whose aliases
would expand to more than :data:`MAX_NODES` nodes (a "billion laughs" file) is refused before
anything walks it.

PyYAML is imported when a file is first read, so that a library loaded from the library cache
does not pay for it. Its C loader (``CSafeLoader``, libyaml) is not used: it is faster, but it
accepts documents SafeLoader rejects (a ``?`` inside a flow sequence, some tab and indentation
errors, found by mutating the bundled packs) and rejects some it accepts, so it would change
which files load and which errors are reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from clearance.engine.errors import PackError

if TYPE_CHECKING:
    import yaml

MAX_NODES = 200_000
"""Largest number of YAML nodes a file may expand to, aliases counted each time they are used."""

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class LoadedYaml:
    """A parsed YAML file: its data and the line (1-based) of every node by JSON path."""

    data: Any
    lines: dict[Path, int]
    file: str

    def line_of(self, path: Path) -> int | None:
        """Return the line of the node at ``path``, or of its nearest ancestor."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


def _expanded_size(node: yaml.Node, memo: dict[int, int], depth: int = 0) -> int:
    import yaml  # already loaded by load_yaml; a lookup in sys.modules

    key = id(node)
    if key in memo:
        return memo[key]
    if depth > 200:
        raise PackError("YAML nesting is deeper than 200 levels")
    memo[key] = 1  # guards against recursive aliases
    size = 1
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            size += _expanded_size(child, memo, depth + 1)
    elif isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            size += _expanded_size(k, memo, depth + 1) + _expanded_size(v, memo, depth + 1)
    memo[key] = size
    return size


def _index_lines(node: yaml.Node, path: Path, lines: dict[Path, int], file: str) -> None:
    import yaml  # already loaded by load_yaml; a lookup in sys.modules

    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            _index_lines(child, (*path, i), lines, file)
    elif isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for k, v in node.value:
            name = str(k.value)
            if name in seen and name != "<<":
                raise PackError(
                    f"duplicate key {name!r} (first at line {seen[name]})",
                    file=file,
                    line=k.start_mark.line + 1,
                    hint="remove or rename one of the two keys",
                )
            seen[name] = k.start_mark.line + 1
            _index_lines(v, (*path, name), lines, file)
            lines[(*path, name)] = k.start_mark.line + 1


def load_yaml(text: str, file: str) -> LoadedYaml:
    """Parse YAML text safely; raise :class:`PackError` with file and line on any problem."""
    import yaml

    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise PackError("the file is empty", file=file, line=1)
        size = _expanded_size(node, {})
        if size > MAX_NODES:
            raise PackError(
                f"YAML anchors and aliases expand to more than {MAX_NODES} nodes",
                file=file,
                line=1,
                hint="do not nest aliases of aliases; write the data out",
            )
        lines: dict[Path, int] = {}
        _index_lines(node, (), lines, file)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise PackError(f"invalid YAML: {exc.problem or exc}", file=file, line=line) from None
    except yaml.YAMLError as exc:
        raise PackError(f"invalid YAML: {exc}", file=file) from None
    except PackError as exc:
        exc.file = exc.file or file
        raise
    finally:
        loader.dispose()
    return LoadedYaml(data=data, lines=lines, file=file)


def load_yaml_bytes(raw: bytes, file: str, max_bytes: int, what: str) -> LoadedYaml:
    """Parse a file's bytes as YAML: at most ``max_bytes``, UTF-8, errors naming file and line.

    ``what`` names the kind of file in the size error ("pack", "term library").
    """
    if len(raw) > max_bytes:
        raise PackError(f"{what} is larger than {max_bytes} bytes", file=file, line=1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PackError("file is not valid UTF-8", file=file, line=line) from None
    return load_yaml(text, file)
