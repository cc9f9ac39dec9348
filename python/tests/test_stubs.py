"""The type stubs describe the extension as it is, and the package's Python
code type-checks against them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import unboil

pytest.importorskip("mypy")


def test_stubs_match_the_extension():
    """mypy's stubtest: every class, method, property and parameter of
    unboil._unboil in the stub, with the runtime's signature."""
    run = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "unboil._unboil"], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout[-3000:]


def test_package_type_checks():
    package = Path(unboil.__file__).parent
    assert (package / "py.typed").exists() and (package / "_unboil.pyi").exists()
    # The installed package (with its stub), as a user's code sees it.
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--ignore-missing-imports", "--allow-subclassing-any", "-p", "unboil"],
        capture_output=True,
        text=True,
        cwd=package.parent.parent,
    )
    assert run.returncode == 0, run.stdout[-3000:]
