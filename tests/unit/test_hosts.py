"""Which Host names the server answers to."""

from __future__ import annotations

import pytest

from turnout.web.security.hosts import allowed_hosts, host_name, is_loopback


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("localhost:8000", "localhost"),
        ("127.0.0.1", "127.0.0.1"),
        ("[::1]:8000", "::1"),
        ("[::1]", "::1"),
        ("Evil.Example:80", "evil.example"),
        ("[broken", ""),
    ],
)
def test_the_name_is_read_without_its_port(header: str, name: str) -> None:
    assert host_name(header) == name


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.1", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("192.168.1.20", False),
        ("example.org", False),
    ],
)
def test_loopback_addresses_are_recognised(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_the_loopback_bind_serves_loopback_names_and_the_extra_ones_only() -> None:
    names = allowed_hosts("127.0.0.1", ["studio.lan:8000", " "])
    assert names == {"localhost", "127.0.0.1", "::1", "studio.lan"}


def test_a_bind_to_one_address_serves_that_address_too() -> None:
    assert "192.168.1.20" in allowed_hosts("192.168.1.20")
    assert "evil.example" not in allowed_hosts("0.0.0.0")
