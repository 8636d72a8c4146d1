"""/docs works without the internet and within the pages' Content-Security-Policy (issue 9,
item 13): every file it loads comes from this server, and it runs no inline script."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient


def loaded(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="([^"]+)"', html)


def test_the_docs_page_loads_only_files_of_this_server(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    urls = loaded(page.text)
    assert urls and all(url.startswith("/") and not url.startswith("//") for url in urls)
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_the_docs_page_has_no_inline_script(client: TestClient) -> None:
    page = client.get("/docs").text
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
    assert scripts and all('src="' in attributes and not body for attributes, body in scripts)
    assert "script-src 'self'" in client.get("/docs").headers["content-security-policy"]


def test_swagger_ui_is_served_with_its_own_types(client: TestClient) -> None:
    script = client.get("/docs/assets/swagger-ui-bundle.js")
    style = client.get("/docs/assets/swagger-ui.css")
    assert script.headers["content-type"].startswith("text/javascript")
    assert "SwaggerUIBundle" in script.text
    assert style.headers["content-type"].startswith("text/css")


def test_the_docs_start_script_reads_the_apps_own_document(client: TestClient) -> None:
    start = client.get("/static/docs.js")
    assert start.status_code == 200 and "SwaggerUIBundle(" in start.text
    assert client.get("/openapi.json").json()["info"]["title"] == "turnout"


def test_only_the_swagger_files_are_served_from_the_docs_folder(client: TestClient) -> None:
    for name in ("../__init__.py", "core.py", "redoc.standalone.js", "%2e%2e%2fcore.py"):
        assert client.get("/docs/assets/" + name).status_code == 404, name


def test_fastapis_own_cdn_pages_are_gone(client: TestClient) -> None:
    assert client.get("/redoc").status_code == 404
    assert "cdn" not in client.get("/docs").text
