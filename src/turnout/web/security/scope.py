"""Reading an ASGI scope's headers and cookies, for the middlewares that run before the app."""

from __future__ import annotations

from starlette.types import Scope


def headers(scope: Scope) -> dict[str, str]:
    """The request's headers by lower-case name (the last of repeated ones)."""
    return {bytes(k).decode("latin-1"): bytes(v).decode("latin-1") for k, v in scope["headers"]}


def header(scope: Scope, name: str) -> str:
    return headers(scope).get(name, "")


def cookie(scope: Scope, name: str) -> str:
    for part in header(scope, "cookie").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return ""
