"""Read settings from the environment, and remember each variable so it can be documented.

Every setting that an operator may change goes through :func:`env`. The registry it fills is what
``manage.py env_settings`` prints and what a test compares with ``.env.example``, so the
documentation cannot drift from the code.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class EnvVar:
    name: str
    default: str
    help: str


REGISTRY: dict[str, EnvVar] = {}

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _to_bool(raw: str) -> bool:
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"not a boolean: {raw!r}")


def _to_list(raw: str) -> list[str]:
    return [item.strip() for item in raw.split(",") if item.strip()]


CASTS: dict[type, Callable[[str], Any]] = {
    str: str,
    int: int,
    float: float,
    bool: _to_bool,
    list: _to_list,
}


def env(name: str, default: Any, help: str, cast: type = str, shown: str | None = None) -> Any:
    """Return the environment variable ``name`` cast to ``cast``, or ``default``.

    ``help`` is required: it is the documentation of the variable. ``shown`` documents a default
    that depends on the machine (a path).
    """
    if shown is None:
        shown = ",".join(default) if isinstance(default, list) else str(default)
    REGISTRY[name] = EnvVar(name=name, default=shown, help=help)
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return CASTS[cast](raw)
    except ValueError as exc:
        raise RuntimeError(f"Environment variable {name}: {exc}") from exc
