"""Optional compiled build of the mention index and the quote extractor (mypyc).

By default nothing is compiled: `pip install .` / `pip install -e .` install pure Python, as
before. With ``NEWSSPIDER_MYPYC=1`` and mypy importable in the build environment

    NEWSSPIDER_MYPYC=1 pip install --no-build-isolation .       # a venv that has mypy

the modules below are compiled with mypyc into extension modules that Python imports instead of
the .py files beside them (the same records: five-set dumps byte-identical). A module that
fails to build leaves them all pure Python (optional extensions), and an editable install
(`pip install -e`) compiles nothing: its extension modules would land in the source tree and
shadow later edits of the .py files.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

# hot pure-Python modules of the quotes stage (speakers.py is left out: mypyc does not compile
# its class defined inside a function)
COMPILED = [
    *(f"newsspider/extract/mentions/{m}.py" for m in (
        "candidates", "chains", "dialogue", "index", "lexicon", "pronoun_model", "registry",
        "resolve", "roles", "runs", "salience", "text", "topic")),
    *(f"newsspider/extract/quotes/{m}.py" for m in (
        "attribution", "blocks", "complement", "cues", "excluded", "finding", "inline", "model", "subjects")),
]


class OptionalBuildExt(build_ext):
    """A compile error leaves all the modules pure Python instead of failing the install (all
    or none: the modules' shims import one shared library)."""

    def build_extensions(self) -> None:
        if self.inplace or self.editable_mode:
            # an editable install would put the extension modules in the source tree, where
            # they shadow every later edit of the .py files
            del self.extensions[:]
            print("newsspider: no compiled build in an editable install: pure Python", file=sys.stderr)
            return
        try:
            super().build_extensions()
        except Exception as e:  # noqa: BLE001 - any build failure: fall back to pure Python
            for ext in self.extensions:
                Path(self.get_ext_fullpath(ext.name)).unlink(missing_ok=True)
            del self.extensions[:]
            print(f"newsspider: compiled build skipped ({e}); pure Python installed", file=sys.stderr)


def ext_modules() -> list:
    if os.environ.get("NEWSSPIDER_MYPYC") != "1":
        return []
    try:
        from mypyc.build import mypycify

        # (mypyc exits on a module it cannot compile: SystemExit, caught too)
        return list(mypycify(COMPILED, opt_level="3", group_name="newsspider_extract"))
    except (ImportError, Exception, SystemExit) as e:
        print(f"newsspider: NEWSSPIDER_MYPYC=1 but no compiled build ({e!r}): pure Python", file=sys.stderr)
        return []


if __name__ == "__main__":  # (setuptools runs this file as __main__; tests import it)
    setup(ext_modules=ext_modules(), cmdclass={"build_ext": OptionalBuildExt})
