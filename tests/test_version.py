"""The version in the code is the installed distribution's (pyproject reads it from the code)."""

from __future__ import annotations

import tomllib
from importlib.metadata import version
from pathlib import Path

import newsspider

ROOT = Path(__file__).resolve().parent.parent


def test_version_is_a_literal_read_by_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "newsspider.__version__"}
    assert newsspider.__version__.count(".") >= 2 and newsspider.__version__[0].isdigit()


def test_installed_metadata_matches_the_code():
    assert version("newsspider") == newsspider.__version__
