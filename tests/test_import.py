"""The package's layering: ``import lossedu`` is NumPy only; widgets -> plots -> math, one way."""

import ast
import inspect
import json
import pathlib
import subprocess
import sys

import pytest

import lossedu

PACKAGE = pathlib.Path(lossedu.__file__).parent
MATH_MODULES = ["_validation", "special", "information", "losses", "neuron"]
HEAVY = ["matplotlib", "ipywidgets", "IPython", "scipy", "torch", "PIL"]


def loaded_after(statement):
    """Top-level packages in sys.modules after `statement`, in a fresh interpreter."""
    code = (
        f"import json, sys; {statement}; "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


@pytest.fixture(scope="module")
def after_import_lossedu():
    return loaded_after("import lossedu")


@pytest.mark.parametrize("name", ["matplotlib", "ipywidgets"])
def test_import_lossedu_loads_no_plotting_or_widgets(after_import_lossedu, name):
    assert name not in after_import_lossedu


def test_import_lossedu_loads_numpy_only(after_import_lossedu):
    assert "numpy" in after_import_lossedu
    assert not after_import_lossedu & set(HEAVY)


def test_import_lossedu_exercises_loads_no_plotting_or_widgets():
    loaded = loaded_after("import lossedu.exercises")
    assert not loaded & {"matplotlib", "ipywidgets", "IPython"}


def test_import_lossedu_plots_loads_no_widgets():
    loaded = loaded_after("import lossedu.plots")
    assert "matplotlib" in loaded
    assert "ipywidgets" not in loaded


@pytest.mark.parametrize("module", MATH_MODULES)
def test_math_modules_import_numpy_and_the_standard_library_only(module):
    tree = ast.parse((PACKAGE / f"{module}.py").read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names)
    assert third_party <= {"numpy"}, third_party


def test_every_exported_name_exists():
    for name in lossedu.__all__:
        assert hasattr(lossedu, name), name
    assert len(lossedu.__all__) == len(set(lossedu.__all__))


def test_every_exported_name_has_a_runnable_example():
    missing = [
        name
        for name in lossedu.__all__
        if callable(getattr(lossedu, name))
        and ">>>" not in (inspect.getdoc(getattr(lossedu, name)) or "")
    ]
    assert not missing, f"no Examples section (doctest) in: {missing}"
