"""The optional compiled build (setup.py, NEWSSPIDER_MYPYC=1): off by default, and a build
that cannot compile falls back to pure Python instead of failing the install."""

import builtins
import importlib.util

from crawl_helpers import REPO


def _setup_module():
    spec = importlib.util.spec_from_file_location("newsspider_setup", REPO / "setup.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # not as __main__: setup() is not called
    return mod


def test_the_default_install_compiles_nothing(monkeypatch):
    monkeypatch.delenv("NEWSSPIDER_MYPYC", raising=False)
    assert _setup_module().ext_modules() == []


def test_the_compiled_modules_exist():
    mod = _setup_module()
    assert mod.COMPILED
    for rel in mod.COMPILED:
        assert (REPO / rel).is_file(), rel


def test_without_mypyc_the_opt_in_build_is_pure_python(monkeypatch):
    monkeypatch.setenv("NEWSSPIDER_MYPYC", "1")
    real_import = builtins.__import__

    def no_mypyc(name, *args, **kwargs):
        if name.startswith("mypyc"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_mypyc)
    assert _setup_module().ext_modules() == []


def test_a_failed_compile_leaves_pure_python(tmp_path, monkeypatch):
    from setuptools import Distribution, Extension
    from setuptools.command.build_ext import build_ext
    from setuptools.errors import CompileError

    mod = _setup_module()
    cmd = mod.OptionalBuildExt(Distribution({"ext_modules": [Extension("x", ["x.c"])]}))
    cmd.ensure_finalized()
    cmd.build_lib = str(tmp_path)
    built = tmp_path / "x.so"
    built.write_bytes(b"")
    monkeypatch.setattr(cmd, "get_ext_fullpath", lambda name: str(built))

    def fail(self):
        raise CompileError("gcc failed")

    monkeypatch.setattr(build_ext, "build_extensions", fail)
    cmd.build_extensions()  # no exception: the install goes on
    assert cmd.extensions == []
    assert not built.exists()  # no half-built extension shadows the .py files


def test_an_editable_install_compiles_nothing(tmp_path, monkeypatch):
    from setuptools import Distribution, Extension
    from setuptools.command.build_ext import build_ext

    mod = _setup_module()
    cmd = mod.OptionalBuildExt(Distribution({"ext_modules": [Extension("x", ["x.c"])]}))
    cmd.editable_mode = True
    cmd.ensure_finalized()
    called = []
    monkeypatch.setattr(build_ext, "build_extensions", lambda self: called.append(1))
    cmd.build_extensions()
    assert called == [] and cmd.extensions == []
