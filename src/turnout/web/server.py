"""Run the web app with uvicorn."""

from __future__ import annotations

import uvicorn

from turnout.bootstrap import Container
from turnout.web.app import create_app


def serve(container: Container, host: str, port: int) -> None:
    """Serve the app on host:port until interrupted (Ctrl+C)."""
    app = create_app(container)
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=False)
