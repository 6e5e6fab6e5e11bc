"""A quick "valid" for records: a JSON Schema compiled to plain Python checks.

The ValidationPipeline checks every record against ``article.schema.json``; through jsonschema
that took ~2.5 ms a record (a third of the crawl process's own CPU on the benchmark site). The
checks compiled here answer only "certainly valid" (``True``) or "not sure" (``False``): for
``False`` the caller asks jsonschema, which decides and names the problem. They are never more
permissive than jsonschema's Draft 2020-12 validator without a format checker (formats are
annotations there), and stricter where that is simpler (``integer`` is an ``int`` only, not
``1.0``): a record they do not accept is only slower, never let through.

Only the keywords the generated schema uses are compiled (`KEYWORDS`); a schema with any other
(or a ``$ref`` outside ``#/$defs/``, an ``enum`` of non-strings) compiles to ``None``: jsonschema
alone then.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

KEYWORDS = frozenset({"type", "properties", "required", "additionalProperties", "items", "$ref", "anyOf",
                      "enum", "description", "format", "title", "$schema", "$id", "$defs"})


class Unsupported(Exception):
    pass


# the Python types each JSON type accepts here (exact types: a subclass goes to jsonschema; no
# bool for integer/number, no float for integer)
TYPES: dict[str, tuple[type, ...]] = {"string": (str,), "integer": (int,), "number": (int, float),
                                      "boolean": (bool,), "null": (type(None),), "array": (list,),
                                      "object": (dict,)}


def compile_schema(schema: dict[str, Any]) -> Check | None:
    """The quick check of `schema`, or None when it uses something not compiled here."""
    defs = schema.get("$defs") or {}
    compiled: dict[str, Check] = {}
    try:
        for name in defs:
            compiled[name] = _never  # placeholder: a $ref is resolved at call time
        for name, node in defs.items():
            compiled[name] = _compile(node, compiled)
        return _compile(schema, compiled)
    except Unsupported:
        return None


def _never(v: Any) -> bool:
    return False


def _compile(node: Any, defs: dict[str, Check]) -> Check:
    if not isinstance(node, dict) or set(node) - KEYWORDS:
        raise Unsupported(repr(node)[:80])
    checks: list[Check] = []
    if "type" in node:
        names = node["type"] if isinstance(node["type"], list) else [node["type"]]
        if not names or any(n not in TYPES for n in names):
            raise Unsupported(f"type {names}")
        allowed_types = frozenset(t for n in names for t in TYPES[n])
        checks.append(lambda v: type(v) in allowed_types)
    if "enum" in node:
        values = node["enum"]
        if not isinstance(values, list) or not all(type(x) is str for x in values):
            raise Unsupported("enum")
        allowed = frozenset(values)
        checks.append(lambda v: type(v) is str and v in allowed)
    if "$ref" in node:
        ref = node["$ref"]
        if not isinstance(ref, str) or not ref.startswith("#/$defs/") or ref[8:] not in defs:
            raise Unsupported(f"$ref {ref}")
        name = ref[8:]
        checks.append(lambda v: defs[name](v))
    if "anyOf" in node:
        options = tuple(_compile(o, defs) for o in node["anyOf"])
        if not options:
            raise Unsupported("anyOf []")
        checks.append(lambda v: any(f(v) for f in options))
    if "items" in node:
        item = _compile(node["items"], defs)
        checks.append(lambda v: all(item(x) for x in v) if type(v) is list else not isinstance(v, list))
    if {"properties", "required", "additionalProperties"} & set(node):
        checks.append(_object_check(node, defs))
    if not checks:
        return lambda v: True
    if len(checks) == 1:
        return checks[0]
    all_checks = tuple(checks)

    def every(v: Any) -> bool:
        for f in all_checks:
            if not f(v):
                return False
        return True

    return every


def _object_check(node: dict[str, Any], defs: dict[str, Check]) -> Check:
    props = node.get("properties") or {}
    if not isinstance(props, dict):
        raise Unsupported("properties")
    prop_checks = {k: _compile(s, defs) for k, s in props.items()}
    required = node.get("required") or []
    if not isinstance(required, list) or not all(type(k) is str for k in required):
        raise Unsupported("required")
    extra = node.get("additionalProperties", True)
    if extra not in (True, False):
        raise Unsupported("additionalProperties")
    known = frozenset(prop_checks)

    def check(v: Any) -> bool:
        if type(v) is not dict:
            return not isinstance(v, dict)  # a dict subclass: let jsonschema decide
        if not extra and not known.issuperset(v):
            return False
        for k in required:
            if k not in v:
                return False
        for k, value in v.items():
            f = prop_checks.get(k)
            if f is not None and not f(value):
                return False
        return True

    return check
