"""Adapters: the real implementations of the ports, at the edges."""
