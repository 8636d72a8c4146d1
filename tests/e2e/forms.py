"""Posting a page's form as the browser would: with this device's CSRF token."""

from __future__ import annotations

from fastapi.testclient import TestClient


def form_token(client: TestClient) -> str:
    """The token a page puts in its forms; the first page a device opens sets its cookie."""
    if "turnout_csrf" not in client.cookies:
        client.get("/settings")
    return str(client.cookies["turnout_csrf"])


def with_token(client: TestClient, form: dict[str, str]) -> dict[str, str]:
    return {**form, "csrf_token": form_token(client)}
