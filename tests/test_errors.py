"""One error hierarchy: every exception Clearance defines derives from ClearanceError."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import clearance.api
import clearance.cli
import clearance.engine
import clearance.feeds
from clearance.engine import errors
from clearance.engine.errors import ClearanceError, ConfigError, NoRowInForce


def _exception_classes() -> dict[str, list[type[BaseException]]]:
    """Every exception class defined in the package, by name."""
    found: dict[str, list[type[BaseException]]] = {}
    names = [
        info.name
        for package in (clearance.engine, clearance.api, clearance.feeds, clearance.cli)
        for info in pkgutil.iter_modules(package.__path__, package.__name__ + ".")
        if not info.name.endswith("__main__")
    ]
    for name in names:
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, BaseException)
                and value.__module__ == module.__name__
            ):
                found.setdefault(attr, []).append(value)
    return found


def test_every_exception_derives_from_the_one_root() -> None:
    classes = _exception_classes()
    assert {"ClearanceError", "DecisionLogError", "KeyConfigError", "Problem", "StoreError"} <= set(
        classes
    )
    outside = [
        f"{c.__module__}.{c.__name__}"
        for cs in classes.values()
        for c in cs
        if not issubclass(c, ClearanceError)
    ]
    assert outside == []


def test_no_two_errors_share_a_name() -> None:
    # the decision log's and the feeds' StoreError used to be two unrelated classes
    twice = {n: [c.__module__ for c in cs] for n, cs in _exception_classes().items() if len(cs) > 1}
    assert twice == {}


def test_the_hierarchy_docstring_draws_every_error() -> None:
    doc = errors.__doc__ or ""
    missing = [n for n in _exception_classes() if n not in doc]
    assert missing == []


def test_configuration_errors_share_a_base_and_are_no_value_errors() -> None:
    from clearance.api.auth import KeyConfigError
    from clearance.api.settings import SettingsError

    for cls in (KeyConfigError, SettingsError):
        assert issubclass(cls, ConfigError) and not issubclass(cls, ValueError)


def test_no_table_row_in_force_is_one_class() -> None:
    from clearance.engine import compiler, interpret

    assert not hasattr(compiler, "Unresolved") and not hasattr(interpret, "Unknown")
    err = NoRowInForce("low_value_threshold")
    assert isinstance(err, ClearanceError) and err.table == "low_value_threshold"
    assert str(err) == "table low_value_threshold has no row in force"
