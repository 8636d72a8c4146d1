"""MediaPipe's C++ core writes start-up notes straight to the process's stderr (file
descriptor 2), where no Python logging setting reaches: "Created TensorFlow Lite XNNPACK
delegate", "Feedback manager requires a model with a single signature", and one more on the
first frame. They say nothing a dancer can act on, so they are caught while a model is built
and runs its first frame; anything else written meanwhile (another thread's log line, a real
error from the library) is passed on to stderr unchanged, only a moment later."""

from __future__ import annotations

import os
import re
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# What the library is known to print on every start, and nothing else.
NOISE = re.compile(
    r"Created TensorFlow Lite XNNPACK delegate"
    r"|absl::InitializeLog\(\) is called"
    r"|inference_feedback_manager\.cc"
    r"|landmark_projection_calculator\.cc"
)
_LOCK = threading.Lock()  # one redirection at a time: fd 2 is the whole process's


@contextmanager
def quiet_start() -> Iterator[None]:
    with _LOCK, tempfile.TemporaryFile() as sink:
        sys.stderr.flush()
        saved = os.dup(2)
        os.dup2(sink.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            _pass_on(sink.read().decode("utf-8", errors="replace"))


def _pass_on(text: str) -> None:
    kept = [line for line in text.splitlines(keepends=True) if not NOISE.search(line)]
    if kept:
        sys.stderr.write("".join(kept))
        sys.stderr.flush()
