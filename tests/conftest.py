from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
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


@pytest.fixture
def redis_prefix() -> Iterator[str]:
    """A Redis key prefix of its own for one test (real Redis on 127.0.0.1:6379); every key under
    it is deleted afterwards."""
    from scale_helpers import redis_client

    r = redis_client()
    r.ping()
    prefix = f"nstest-{uuid.uuid4().hex[:10]}"
    yield prefix
    keys = list(r.scan_iter(f"{prefix}:*", count=1000))
    if keys:
        r.delete(*keys)
    r.close()
