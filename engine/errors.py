"""The one error hierarchy of Clearance.

Every error Clearance raises on purpose derives from :class:`ClearanceError`. The engine's
classes live here; the service's and the feeds' live in their own modules but derive from the
root (or from :class:`ConfigError`)::

    ClearanceError                  root: catch this to catch everything Clearance raises
    ├── PackError                   one problem in a rule pack or data table (file, line, rule id)
    ├── PackErrors                  several PackError found while loading packs, raised together
    ├── DocumentError               a document that fails its schema (field path, record location)
    ├── InputError                  an input file that cannot be read or parsed at all
    ├── NotStreamable               (clearance.cli.json_stream) internal: a JSON file that
    │                               cannot be read item by item; the whole-file reader takes over
    ├── EngineError                 durable_rules refused a ruleset or failed on a document
    ├── NoRowInForce                a data table has no row in force for the market and date:
    │                               the rule reading it is not evaluated (report.not_evaluated)
    ├── TemplateError               a message template with an ill-formed placeholder
    ├── ConfigError                 a configuration that cannot be used; the message says where
    │   ├── SettingsError           (clearance.api.settings) a CLEARANCE_* variable
    │   └── KeyConfigError          (clearance.api.auth) the API key configuration
    ├── DecisionLogError            (clearance.api.decision_log) the decision log cannot be
    │   │                           opened or written (503)
    │   └── LogLimitError           logging more would pass the log's growth limit (429)
    ├── Problem                     (clearance.api.problems) an HTTP problem a route answers
    ├── ServiceError                (clearance.api.problems) the service failed mid-stream
    ├── LimitError                  (clearance.api.problems) a request's work budget ran out
    └── FeedError                   (clearance.feeds.errors) a feed could not be refreshed
        ├── FetchError              the source could not be reached or answered an HTTP error
        │   └── TooLargeError       the answer is larger than the source's size limit
        ├── ParseError              the payload is not in the source's format
        │   └── UnsafeXMLError      XML that declares a DTD or entities
        ├── GateError               the new table was refused by a sanity gate
        └── StoreError              the feed's table could not be written or rolled back

Every error renders to one line for people (``str(err)``) and to a dict for machines
(``err.to_dict()``), matching ``rules/schema/errors.schema.json``. The HTTP service turns them
into problem+json in one place, :mod:`clearance.api.problems`.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any


class ClearanceError(Exception):
    """Root of every error Clearance raises on purpose."""

    kind = "error"

    def to_dict(self) -> dict[str, Any]:
        """Return the machine-readable form of this error."""
        return {"kind": self.kind, "message": str(self)}


@dataclass(eq=False)
class PackError(ClearanceError):
    """A problem in a rule pack or data table, located by file and line."""

    message: str
    file: str = ""
    line: int | None = None
    rule_id: str | None = None
    hint: str | None = None
    path: str | None = None
    kind: str = dc_field(default="pack", init=False)

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def __str__(self) -> str:
        where = self.file or "<pack>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        rule = f" [{self.rule_id}]" if self.rule_id else ""
        hint = f" (fix: {self.hint})" if self.hint else ""
        return f"{where}:{rule} {self.message}{hint}"

    def to_dict(self) -> dict[str, Any]:
        """Return the machine-readable form of this error."""
        return {
            "kind": self.kind,
            "file": self.file,
            "line": self.line,
            "rule_id": self.rule_id,
            "path": self.path,
            "message": self.message,
            "hint": self.hint,
        }


class PackErrors(ClearanceError):
    """Several pack errors found in one load; the packs are refused as a whole."""

    kind = "packs"

    def __init__(self, errors: list[PackError]) -> None:
        self.errors = sorted(errors, key=lambda e: (e.file, e.line or 0, e.message))
        super().__init__(f"{len(self.errors)} error(s) in rule packs")

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)

    def __reduce__(self) -> tuple[type[PackErrors], tuple[list[PackError]]]:
        # rebuilt from its errors when unpickled (a worker process's error reaching its parent)
        return (PackErrors, (self.errors,))

    def to_dict(self) -> dict[str, Any]:
        """Return the machine-readable form of this error."""
        return {"kind": self.kind, "errors": [e.to_dict() for e in self.errors]}


@dataclass(eq=False)
class DocumentError(ClearanceError):
    """A document (listing, order, shipment) that is not valid; ``field`` is its JSON path."""

    message: str
    field: str = "$"
    source: str | None = None
    line: int | None = None
    details: list[dict[str, Any]] = dc_field(default_factory=list)
    kind: str = "document"

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def __str__(self) -> str:
        where = self.source or ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        prefix = f"{where}: " if where else ""
        return f"{prefix}{self.field}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        """Return the machine-readable form of this error."""
        return {
            "kind": self.kind,
            "field": self.field,
            "message": self.message,
            "source": self.source,
            "line": self.line,
            "details": self.details,
        }


@dataclass(eq=False)
class InputError(ClearanceError):
    """An input that cannot be read at all: missing file, bad encoding, malformed syntax."""

    message: str
    source: str | None = None
    line: int | None = None
    kind: str = "input"

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def __str__(self) -> str:
        where = self.source or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        """Return the machine-readable form of this error."""
        return {
            "kind": self.kind,
            "source": self.source,
            "line": self.line,
            "message": self.message,
        }


class EngineError(ClearanceError):
    """durable_rules failed on a document; the document's decision becomes ``error``."""

    kind = "engine"


class NoRowInForce(ClearanceError):
    """A data table has no row in force for the market and date; the rule is not evaluated."""

    kind = "no-row-in-force"

    def __init__(self, table: str) -> None:
        self.table = table
        super().__init__(f"table {table} has no row in force")


@dataclass(eq=False)
class TemplateError(ClearanceError):
    """A message or remediation template that cannot be rendered; ``column`` is 0-based."""

    message: str
    column: int = 0
    kind: str = "template"

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class ConfigError(ClearanceError):
    """A configuration (setting, key file) that cannot be used; the message says where."""

    kind = "config"
