"""The extraction's record classes are plain classes written out (start-up, issue #13): making 13
dataclasses at import cost ~40 M of the ~396 M instructions of `newsspider extract FILE` (the
dataclasses module's code generation: an exec() per method). Each must behave as the dataclass
it replaced: the same constructor, repr, equality, hashing, frozen-ness and slots; this test
builds that dataclass again from its old declaration and compares them."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import json
import subprocess
import sys
from datetime import UTC, datetime
from typing import Any

import pytest

FACTORY = object()


def now() -> datetime:
    return datetime.now(UTC)


# (module, class, dataclass flags, fields as declared: (name,) | (name, default) | (name, FACTORY, factory))
DECLARED: list[tuple[str, str, dict[str, bool], list[tuple[Any, ...]]]] = [
    ('newsspider.extract.metadata.dateline', 'Dateline', {}, [('when',), ('has_time',), ('raw',)]),
    ('newsspider.extract.page', 'Page', {}, [('url',), ('text',), ('encoding', 'utf-8'), ('fetched_at', FACTORY, now), ('profile', None), ('notes', FACTORY, set)]),
    ('newsspider.extract.mentions', 'Referent', {'frozen': True}, [('name',), ('type',), ('confidence',), ('mentions', 0), ('first', None)]),
    ('newsspider.extract.mentions.runs', 'NameRun', {}, [('text',), ('start',), ('end',), ('raw',), ('possessive', False), ('owner', None)]),
    ('newsspider.extract.mentions.registry', 'Entity', {'eq': False}, [('name',), ('type',), ('positions', FACTORY, list), ('speaker', False), ('person_cues', 0), ('other_cues', 0), ('titles', FACTORY, set), ('male', 0), ('female', 0), ('subjects', FACTORY, list), ('weights', FACTORY, dict)]),
    ('newsspider.extract.quotes.subjects', 'Subject', {}, [('raw',), ('kind',), ('start',), ('end',), ('name', None)]),
    ('newsspider.extract.quotes.attribution', 'Mention', {}, [('para',), ('start',), ('end',), ('kind',), ('text', ''), ('region', ''), ('feats', FACTORY, dict), ('pattern', False), ('possessive', False)]),
    ('newsspider.extract.quotes.finding', 'Span', {}, [('para',), ('start',), ('end',), ('open_pos',), ('close_pos',)]),
    ('newsspider.extract.quotes.finding', 'Candidate', {}, [('parts',), ('text',), ('kind', 'inline'), ('speaker_raw', None), ('speaker_kind', None), ('speaker', None), ('cue', None), ('strong', False), ('pos', 0), ('attr_pos', 0), ('inherit', False), ('extra', FACTORY, dict)]),
    ('newsspider.extract.body.base', 'Block', {}, [('kind',), ('text', ''), ('owner', None), ('link_chars', 0), ('group', None), ('list_tag', 'ul'), ('heading_level', 2), ('image', None), ('embed', None), ('extra', FACTORY, dict)]),
    ('newsspider.extract.releases.vocab', '_Title', {}, [('start',), ('end',), ('text',), ('kind', None), ('kind_explicit', False), ('is_track', False), ('is_work', False), ('artist', None)]),
    ('newsspider.extract.releases.vocab', '_Event', {}, [('artist',), ('title',), ('kind',), ('kind_explicit',), ('date',), ('precision',), ('time',), ('tense',), ('evidence',), ('order', 0), ('extra', FACTORY, dict)]),
    ('newsspider.extract.dates.vocab', 'DateMatch', {'slots': True}, [('start',), ('end',), ('text',), ('value',), ('precision',), ('time', None), ('kind', '')]),
]


def _twin(name: str, flags: dict[str, bool], fields: list[tuple[Any, ...]]) -> Any:
    spec: list[Any] = []
    for f in fields:
        if len(f) == 1:
            spec.append((f[0], Any))
        elif f[1] is FACTORY:
            spec.append((f[0], Any, dataclasses.field(default_factory=f[2])))
        else:
            spec.append((f[0], Any, dataclasses.field(default=f[1])))
    return dataclasses.make_dataclass(name, spec, **flags)


def _try(fn: Any) -> Any:
    try:
        return ("ok", fn())
    except Exception as exc:  # noqa: BLE001 - the outcome is what is compared
        return ("raises", isinstance(exc, AttributeError), isinstance(exc, TypeError))


@pytest.mark.parametrize(("module", "name", "flags", "fields"), DECLARED, ids=[d[1] for d in DECLARED])
def test_a_record_class_behaves_as_the_dataclass_it_replaced(module, name, flags, fields):
    cls = getattr(importlib.import_module(module), name)
    twin = _twin(name, flags, fields)
    assert not dataclasses.is_dataclass(cls)
    ours, theirs = inspect.signature(cls).parameters, inspect.signature(twin).parameters
    assert [(p.name, p.kind) for p in ours.values()] == [(p.name, p.kind) for p in theirs.values()]
    for f in fields:  # plain defaults as declared (factory fields: a fresh object each time, below)
        if len(f) == 2:
            assert ours[f[0]].default == f[1] and type(ours[f[0]].default) is type(f[1])
    assert cls.__match_args__ == twin.__match_args__
    every = [f"v{i}" for i in range(len(fields))]
    required = [f"r{i}" for i, f in enumerate(fields) if len(f) == 1]
    for args in (every, required):
        a, b, c, d = cls(*args), cls(*args), twin(*args), twin(*args)
        clocks = [f[0] for f in fields if len(f) == 3 and f[2] is now and args is required]
        for x in (a, b, c, d):
            for f in clocks:  # (the time of day each was made: set to one time)
                assert (getattr(x, f) - now()).total_seconds() < 60
                setattr(x, f, datetime(2026, 12, 1, tzinfo=UTC))
        assert repr(a) == repr(c)
        assert (a == b, a != b, a == object(), a == tuple(args)) == (c == d, c != d, c == object(), c == tuple(args))
        assert _try(lambda a=a, b=b: hash(a) == hash(b)) == _try(lambda c=c, d=d: hash(c) == hash(d))
        assert hasattr(a, "__dict__") == hasattr(c, "__dict__")
        for f in fields:
            x, y = getattr(a, f[0]), getattr(c, f[0])
            if len(f) == 3 and args is required:  # a new object of the factory's type each time
                assert type(x) is type(y)
                assert x is not getattr(b, f[0]) and y is not getattr(d, f[0])
                if f[2] is not now:
                    assert x == y
        assert _try(lambda a=a: setattr(a, fields[0][0], "changed")) == _try(lambda c=c: setattr(c, fields[0][0], "changed"))
        assert _try(lambda a=a: setattr(a, "unknown_attribute", 1)) == _try(lambda c=c: setattr(c, "unknown_attribute", 1))
        assert _try(lambda a=a: delattr(a, fields[-1][0])) == _try(lambda c=c: delattr(c, fields[-1][0]))
    with pytest.raises(TypeError):
        cls(*every, "one too many")
    with pytest.raises(TypeError):
        cls(*required[:-1])


def test_extract_does_not_import_dataclasses(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>A Story</title></head><body><article><h1>A Story</h1>"
                    "<p>“We are back,” the group’s leader said of the new album, out on May 5.</p>"
                    "<p>Kim Min-ji, a spokeswoman for the agency, told reporters: “Thanks.”</p>"
                    "</article></body></html>", encoding="utf-8")
    probe = ("import json, sys\nfrom newsspider.cli import main\nstatus = main(sys.argv[1:])\n"
             "print(json.dumps([status, 'dataclasses' in sys.modules]), file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", probe, "extract", str(page)], capture_output=True,
                          text=True, timeout=120, cwd=tmp_path)
    assert json.loads(proc.stderr.strip().splitlines()[-1]) == [0, False]
    assert json.loads(proc.stdout)["quotes"]
