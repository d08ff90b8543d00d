"""A cache on disk of loaded libraries, so a command-line run need not re-check every pack.

Loading a library reads, schema-checks and semantically checks every pack, compiles the term
automaton and builds the sanctions and recall indexes: seconds with a full-size sanctions list.
:func:`load_library_cached` keeps the result in one file per rules directory and loads that file
instead while none of the library's inputs changed.

* **Key.** The file is used only when its key equals the key of the inputs now: the SHA-256 of
  the bytes of every file :func:`clearance.engine.library.input_files` names (packs, tables,
  sanctions and recall lists with their allow-list, ``markets.yaml``, the JSON Schemas), the
  rules directory as given and as resolved, the Clearance version, the engine's own source files,
  the Python version and Unicode database, and the installed files of the libraries whose results
  are kept (YAML parser, schema checkers, the automaton, transliteration, confusables data). Any
  change rebuilds the library; a library that fails to load is never written.
* **Integrity.** A cache file holds a header (format, key, SHA-256 of the payload) and the
  payload. It is loaded only when the header is complete, the key matches and the checksum of
  the payload matches; a truncated, corrupted or foreign file is ignored and replaced.
* **Concurrency.** A builder writes a temporary file in the cache directory and renames it over
  the old one (``os.replace``), so a reader sees either the old or the new complete file; two
  processes building at once both succeed and the last rename wins.
* **Location.** ``$CLEARANCE_CACHE_DIR``, else ``$XDG_CACHE_HOME/clearance``, else
  ``~/.cache/clearance``; created with mode 0700. ``CLEARANCE_CACHE=off`` (or ``--no-cache``)
  disables it. A directory that cannot be created or written just means no cache; a directory
  owned by another user or writable by group or others is not used at all.
* **Format.** The payload is a :mod:`pickle` of the library. Unpickling runs code named by the
  file, so it is only done for a file in the user's own directory (owned by the user, not
  writable by others, files created 0600) whose checksum and key match: whoever can write there
  can already run code as the user. A pickle is the only format that keeps the compiled term
  automaton and the indexes whole, which is what makes the cache worth having.
* **Limits.** A cache file larger than :data:`MAX_CACHE_BYTES` is ignored. The files of rules
  directories not used for :data:`MAX_AGE_DAYS` days are removed when a new one is written.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib.util
import logging
import os
import pickle
import stat
import sys
import tempfile
import time
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from clearance import __version__
from clearance.engine import textnorm
from clearance.engine.library import Library, input_files, load_library

__all__ = [
    "CacheResult",
    "default_cache_dir",
    "load_cached",
    "load_library_cached",
]

log = logging.getLogger("clearance.engine.cache")

FORMAT = 1
"""Version of the cache file layout; files of another version are ignored."""
MAGIC = b"clearance library cache\n"
MAX_CACHE_BYTES = 1 << 30
"""Largest cache file read (1 GiB)."""
MAX_AGE_DAYS = 30
"""Cache files not rewritten for this long are removed when another one is written."""
OFF_VALUES = frozenset({"off", "0", "no", "false", "disabled"})
DEPENDENCIES = (
    "yaml",
    "jsonschema",
    "jsonschema_rs",
    "referencing",
    "ahocorasick",
    "unidecode",
    "confusable_homoglyphs",
    "re2",
    "stdnum",
    "cleanco",
    "jellyfish",
    "msgpack",
)
"""Libraries whose results the cached library holds: their installed files are in the key."""
_HASH_BYTES = 32


@dataclass(frozen=True)
class CacheResult:
    """A loaded library and how the cache served it."""

    library: Library
    hit: bool
    """True when the library came from the cache file."""
    note: str
    """What happened: ``hit``, or why the library was built (``missing``, ``stale``, ...)."""


def default_cache_dir(env: Mapping[str, str] | None = None) -> Path | None:
    """Where the cache lives, or None when ``CLEARANCE_CACHE=off`` (see the module docstring)."""
    env = os.environ if env is None else env
    if env.get("CLEARANCE_CACHE", "").strip().lower() in OFF_VALUES:
        return None
    explicit = env.get("CLEARANCE_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    xdg = env.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):  # the XDG spec says to ignore a relative value
        return Path(xdg) / "clearance"
    try:
        return Path.home() / ".cache" / "clearance"
    except RuntimeError:  # no home directory to be found
        return None


def load_library_cached(
    root: Path, cache_dir: Path | None = None, *, cache: bool = True
) -> Library:
    """Load the library under ``root`` from the cache, or build it (and cache it).

    ``cache_dir`` defaults to :func:`default_cache_dir`; ``cache=False`` skips the cache.
    Raises :class:`~clearance.engine.errors.PackErrors` exactly as
    :func:`~clearance.engine.library.load_library` does.
    """
    directory = (cache_dir or default_cache_dir()) if cache else None
    if directory is None:
        return load_library(root, index_cache=False)
    return load_cached(root, directory).library


def load_cached(root: Path, directory: Path) -> CacheResult:
    """Load ``root``'s library through the cache in ``directory`` and say how it went."""
    try:
        key = _key(root)
    except OSError as exc:  # an input vanished or cannot be read: let the loader report it
        log.debug("library cache not used: %s", exc)
        return CacheResult(
            load_library(root, cache_dir=directory), False, f"inputs unreadable: {exc}"
        )
    path = directory / _file_name(root)
    library, note = _read(path, directory, key, root)
    if library is not None:
        return CacheResult(library, True, note)
    library = load_library(root, cache_dir=directory)
    library.term_matcher()  # the automaton is part of what is kept
    try:
        unchanged = _key(root) == key
    except OSError:
        unchanged = False
    if unchanged:
        written = _write(path, directory, key, library)
    else:  # a file changed while the library was loading: it may hold either version
        written = "not written: an input changed while loading"
    log.debug("library cache %s: %s; %s", path, note, written)
    return CacheResult(library, False, note if written == "written" else f"{note}; {written}")


# -- key --------------------------------------------------------------------------------------


def _key(root: Path) -> bytes:
    """SHA-256 over everything the cached library depends on (see the module docstring)."""
    digest = hashlib.sha256()

    def add(label: str, value: str | bytes) -> None:
        data = value if isinstance(value, bytes) else value.encode("utf-8", "surrogateescape")
        head = label.encode()
        digest.update(len(head).to_bytes(8, "big") + head + len(data).to_bytes(8, "big") + data)

    add("format", str(FORMAT))
    add("clearance", __version__)
    add("python", f"{sys.version} {sys.implementation.cache_tag} {sys.hexversion}")
    add("unicode", unicodedata.unidata_version)
    add("pickle", str(pickle.HIGHEST_PROTOCOL))
    add("root", str(root))
    add("resolved", str(root.resolve()))
    engine = Path(__file__).resolve().parent
    for source in sorted(engine.glob("*.py")):
        add(f"engine/{source.name}", hashlib.sha256(source.read_bytes()).digest())
    for name in DEPENDENCIES:
        add(f"dependency {name}", _installed(name))
    for path in input_files(root):
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        add(f"input {name}", hashlib.sha256(path.read_bytes()).digest())
    return digest.digest()


def _installed(module: str) -> str:
    """Where a library is installed and its main file's size and time (changes on upgrade)."""
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        spec = None
    origin = spec.origin if spec is not None else None
    if not origin:
        return "absent"
    try:
        info = os.stat(origin)
    except OSError:
        return f"{origin} unreadable"
    return f"{origin} {info.st_size} {info.st_mtime_ns}"


def _file_name(root: Path) -> str:
    where = hashlib.sha256(f"{root.resolve()}\0{root}".encode("utf-8", "surrogateescape"))
    return f"library-{where.hexdigest()[:24]}.bin"


# -- reading ----------------------------------------------------------------------------------


def _private(info: os.stat_result) -> str | None:
    """Why a cache directory or file must not be trusted, or None when it is the user's own."""
    getuid = getattr(os, "getuid", None)
    if getuid is not None and info.st_uid != getuid():
        return "owned by another user"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "writable by group or others"
    return None


def _read(path: Path, directory: Path, key: bytes, root: Path) -> tuple[Library | None, str]:
    """The cached library at ``path`` if it is intact and its key is ``key``; else why not."""
    try:
        problem = _private(os.stat(directory))
    except FileNotFoundError:
        return None, "missing"
    except OSError as exc:
        return None, f"cache directory unusable: {exc}"
    if problem:
        return None, f"cache directory {problem}"
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None, "missing"
    except OSError as exc:
        return None, f"unreadable: {exc}"
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        problem = _private(info) or (None if stat.S_ISREG(info.st_mode) else "not a file")
        if problem:
            return None, f"cache file {problem}"
        if info.st_size > MAX_CACHE_BYTES:
            return None, "too large"
        blob = handle.read()
    header = len(MAGIC) + 4 + 2 * _HASH_BYTES
    if len(blob) < header or not blob.startswith(MAGIC):
        return None, "corrupt"
    start = len(MAGIC)
    if int.from_bytes(blob[start : start + 4], "big") != FORMAT:
        return None, "other format"
    stored_key = blob[start + 4 : start + 4 + _HASH_BYTES]
    checksum = blob[start + 4 + _HASH_BYTES : header]
    if stored_key != key:
        return None, "stale"
    payload = memoryview(blob)[header:]
    if hashlib.sha256(payload).digest() != checksum:
        return None, "corrupt"
    try:
        library, tables = _unpickle(payload)
    except Exception as exc:  # a checksummed file that still does not load: rebuild it
        return None, f"unreadable: {type(exc).__name__}"
    if not isinstance(library, Library):
        return None, "unreadable: not a library"
    textnorm.install_tables(tables)
    library.root = root
    if time.time() - info.st_mtime > 86400:  # mark it used, for pruning (best effort)
        with contextlib.suppress(OSError):
            os.utime(path)
    return library, "hit"


def _unpickle(payload: memoryview) -> tuple[Library, textnorm.Tables]:
    # The payload is hundreds of thousands of small objects; the cyclic collector would walk
    # them again and again while they are created (several times the load time) and find
    # nothing to free.
    enabled = gc.isenabled()
    gc.disable()
    try:
        library, tables = pickle.loads(payload)
    finally:
        if enabled:
            gc.enable()
    return library, tables


# -- writing ----------------------------------------------------------------------------------


def _write(path: Path, directory: Path, key: bytes, library: Library) -> str:
    """Write the cache file atomically; return ``written`` or why it was not."""
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        problem = _private(os.stat(directory))
    except OSError as exc:
        return f"not written: {exc}"
    if problem:
        return f"not written: cache directory {problem}"
    try:
        payload = pickle.dumps((library, textnorm.tables()), protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError) as exc:
        return f"not written: {exc}"
    header = MAGIC + FORMAT.to_bytes(4, "big") + key + hashlib.sha256(payload).digest()
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".library-", suffix=".tmp", dir=directory)
        with os.fdopen(fd, "wb") as handle:
            handle.write(header)
            handle.write(payload)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        return f"not written: {exc}"
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    _prune(directory, keep=path)
    return "written"


def _prune(directory: Path, keep: Path) -> None:
    """Remove cache files unused for MAX_AGE_DAYS, and temporary files a killed run left."""
    now = time.time()
    try:
        children = list(directory.iterdir())
    except OSError:
        return
    for child in children:
        if child == keep:
            continue
        if child.name.startswith("library-") and child.name.endswith(".bin"):
            limit = MAX_AGE_DAYS * 86400
        elif child.name.startswith(".library-") and child.name.endswith(".tmp"):
            limit = 86400
        else:
            continue
        with contextlib.suppress(OSError):
            if now - child.lstat().st_mtime > limit:
                child.unlink()
