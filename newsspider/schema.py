"""JSON Schema of the JSON Lines record, generated from `newsspider.items.Article`.

    python -m newsspider.schema          rewrite newsspider/article.schema.json
    python -m newsspider.schema --check  exit 1 if the committed file is out of date
"""

from __future__ import annotations

import json
import sys
import types
import typing
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from newsspider.items import Article

SCHEMA_PATH = Path(__file__).with_name("article.schema.json")

FORMATS = {"published": "date-time", "modified": "date-time", "fetched_at": "date-time"}


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [_type_schema(a, defs) for a in get_args(tp)]
        non_null = [o for o in options if o != {"type": "null"}]
        if len(non_null) == 1 and len(options) == 2 and "type" in non_null[0] and "enum" not in non_null[0]:
            return {**non_null[0], "type": [non_null[0]["type"], "null"]}
        return {"anyOf": options}
    if origin is Literal:
        return {"type": "string", "enum": list(get_args(tp))}
    if origin is list:
        return {"type": "array", "items": _type_schema(get_args(tp)[0], defs)}
    if tp is type(None):
        return {"type": "null"}
    if tp is str:
        return {"type": "string"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is bool:
        return {"type": "boolean"}
    if isinstance(tp, type) and is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}
            defs[name] = _object_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema mapping for {tp!r}")


def _object_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    props: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        prop = _type_schema(hints[f.name], defs)
        if f.name in FORMATS:
            prop["format"] = FORMATS[f.name]
        props[f.name] = prop
    return {
        "type": "object",
        "properties": props,
        # every field is always written (defaults included)
        "required": [f.name for f in fields(cls)],  # type: ignore[arg-type]
        "additionalProperties": False,
    }


def build_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    body = _object_schema(Article, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://newsspider.invalid/article.schema.json",
        "title": "newsspider article record (one JSON Lines line)",
        **body,
        "$defs": dict(sorted(defs.items())),
    }


def render() -> str:
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    text = render()
    if "--check" in argv:
        if not SCHEMA_PATH.exists() or SCHEMA_PATH.read_text(encoding="utf-8") != text:
            print(f"{SCHEMA_PATH} is out of date: run python -m newsspider.schema", file=sys.stderr)
            return 1
        return 0
    SCHEMA_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")
    return 0




if __name__ == "__main__":
    raise SystemExit(main())
