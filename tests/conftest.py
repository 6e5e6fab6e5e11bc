from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    return Path(os.environ.get("NEWSSPIDER_SHARED") or REPO.parent / "shared")


@pytest.fixture
def shared() -> Path:
    path = shared_dir()
    if not (path / "dev").is_dir():
        pytest.skip(f"../shared development data not found at {path}")
    return path
