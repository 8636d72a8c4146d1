"""The installed environment: every declared requirement is there, and nothing heavy that
turnout does not use came with it."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata

# mediapipe 0.10.31's wheel is named py3-none-manylinux_2_28_x86_64 (what pip installs it
# by) but its WHEEL file says cp39-cp39-linux_x86_64, which pip check reports as "not
# supported on this platform"; it runs on CPython 3.11 (a ctypes library, no extension
# module). This is the only line pip check may print.
KNOWN = "mediapipe 0.10.31 is not supported on this platform"


def test_pip_check_finds_every_requirement_met() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pip", "check"], capture_output=True, text=True, timeout=120
    )
    problems = [line for line in done.stdout.splitlines() if line.strip() and line != KNOWN]
    assert problems in ([], ["No broken requirements found."]), done.stdout


def test_the_unused_heavy_packages_are_not_installed() -> None:
    installed = {dist.metadata["Name"].lower() for dist in metadata.distributions()}
    assert not installed & {"jax", "jaxlib", "scipy", "opencv-contrib-python", "opencv-python"}
    assert metadata.version("numpy").split(".")[0] == "2"
