"""turnout: a practice coach for ballet turnout."""

__version__ = "0.1.0"
