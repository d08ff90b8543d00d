"""Indexes that pickle as one block of bytes and are unpacked on first use.

The sanctions and recall indexes are hundreds of thousands of small objects. A library loaded
from the library cache (:mod:`clearance.engine.library_cache`) holds them as one ``bytes``
object each, which costs nothing to load; the objects are rebuilt the first time a document
needs the index (a denied-party or recall rule), so a run that screens only listings never
pays for the sanctions index.
"""

from __future__ import annotations

import gc
import pickle
import threading
from typing import TYPE_CHECKING, Any, ClassVar

__all__ = ["LazyIndex"]

_PACKED = "_packed_index"
_LOCK = "_packed_lock"


class LazyIndex:
    """Mixin: pickle everything but :attr:`PUBLIC` as one blob, unpacked on first access."""

    PUBLIC: ClassVar[tuple[str, ...]] = ()
    """Attributes kept unpacked (small ones that are read without using the index)."""

    def __getstate__(self) -> dict[str, Any]:
        """The public attributes, and everything else pickled into one bytes object."""
        state = self.__dict__
        packed = state.get(_PACKED)
        if packed is None:
            private = {k: v for k, v in state.items() if k not in self.PUBLIC and k not in (_LOCK,)}
            packed = pickle.dumps(private, protocol=pickle.HIGHEST_PROTOCOL)
        return {"public": {k: state[k] for k in self.PUBLIC}, "packed": packed}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state["public"])
        self.__dict__[_PACKED] = state["packed"]
        self.__dict__[_LOCK] = threading.Lock()

    if not TYPE_CHECKING:  # hidden from mypy, which then still flags unknown attributes

        def __getattr__(self, name: str) -> Any:
            """Called only for an attribute not set: unpack the index if it is still packed."""
            lock = self.__dict__.get(_LOCK)
            if lock is None or name.startswith("__"):
                raise AttributeError(name)
            with lock:
                packed = self.__dict__.get(_PACKED)
                if packed is not None:
                    self.__dict__.update(_loads(packed))
                    del self.__dict__[_PACKED]
            try:
                return self.__dict__[name]
            except KeyError:
                raise AttributeError(name) from None


def _loads(packed: bytes) -> dict[str, Any]:
    # Many small objects: the cyclic collector would walk them over and over while they are
    # created, for nothing (several times the time of the load itself).
    enabled = gc.isenabled()
    gc.disable()
    try:
        found: dict[str, Any] = pickle.loads(packed)
    finally:
        if enabled:
            gc.enable()
    return found
