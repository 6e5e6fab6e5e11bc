"""What every command module of the CLI shares: the one-line user error."""

from __future__ import annotations

from typing import NoReturn


class CliError(Exception):
    """A one-line user error (exit status 2)."""


def fail(message: str) -> NoReturn:
    raise CliError(message)


def mirrors_of(values: list[str]) -> dict[str, str]:
    out = {}
    for value in values:
        host, sep, url = value.partition("=")
        if not sep or not url.startswith("http://"):
            fail(f"--mirror takes HOST=http://127.0.0.1:PORT, not {value!r}")
        out[host.strip().lower()] = url.strip()
    return out
