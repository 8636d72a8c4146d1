"""Signing in to a studio's server, who is signed in, and their signed-in browsers."""
