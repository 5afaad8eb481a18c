"""The three dependency lists agree: pyproject.toml (lower bounds), environment.yml (conda-forge,
the same packages and bounds) and constraints.txt (the tested pins, inside those bounds)."""

import pathlib
import re

import pytest
import tomllib
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

import lossedu

ROOT = pathlib.Path(__file__).resolve().parent.parent

#: conda-forge names that differ from the PyPI ones.
CONDA_TO_PIP = {"pytorch": "torch"}
#: environment.yml entries that are the interpreter and installer, not dependencies.
NOT_DEPENDENCIES = {"python", "pip"}


@pytest.fixture(scope="module")
def pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


@pytest.fixture(scope="module")
def pip_requirements(pyproject):
    """Canonical name -> SpecifierSet, over the dependencies and every extra."""
    project = pyproject["project"]
    lines = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        lines += extra
    requirements = {}
    for line in lines:
        req = Requirement(line)
        name = canonicalize_name(req.name)
        assert name not in requirements, f"{name} is listed twice in pyproject.toml"
        requirements[name] = req.specifier
    return requirements


@pytest.fixture(scope="module")
def environment():
    return yaml.safe_load((ROOT / "environment.yml").read_text())


def parse_conda_spec(spec):
    """'numpy>=1.24' or 'numpy >=1.24' -> ('numpy', SpecifierSet('>=1.24'))."""
    match = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)\s*(.*?)\s*", spec)
    assert match, f"cannot read the conda spec {spec!r}"
    name, version = match.groups()
    return name, SpecifierSet(version.replace(" ", ""))


@pytest.fixture(scope="module")
def conda_requirements(environment):
    """Canonical (PyPI) name -> SpecifierSet, over conda packages and the pip: section."""
    requirements = {}

    def add(name, specifier, where):
        name = canonicalize_name(CONDA_TO_PIP.get(name, name))
        assert name not in requirements, f"{name} is listed twice in environment.yml ({where})"
        requirements[name] = specifier

    for entry in environment["dependencies"]:
        if isinstance(entry, dict):
            for line in entry.get("pip", []):
                if line.strip().startswith("-e") or line.strip() == ".":
                    continue  # the package itself
                req = Requirement(line)
                add(req.name, req.specifier, "pip")
            continue
        name, specifier = parse_conda_spec(entry)
        if name in NOT_DEPENDENCIES:
            continue
        add(name, specifier, "conda")
    return requirements


@pytest.fixture(scope="module")
def pins():
    """Canonical name -> pinned Version, from constraints.txt."""
    result = {}
    for raw in (ROOT / "constraints.txt").read_text().splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        req = Requirement(line)
        (spec,) = req.specifier
        assert spec.operator == "==", f"constraints.txt must pin exactly: {raw!r}"
        result[canonicalize_name(req.name)] = Version(spec.version)
    return result


def lower_bound(specifier):
    bounds = [Version(s.version) for s in specifier if s.operator == ">="]
    return bounds[0] if len(bounds) == 1 else None


# --- pyproject.toml ------------------------------------------------------------------------


def test_pyproject_keeps_lower_bounds_only(pip_requirements):
    for name, specifier in pip_requirements.items():
        operators = {s.operator for s in specifier}
        assert operators == {">="}, f"{name}: expected one lower bound (>=), got {specifier}"


def test_pyproject_lists_the_reference_libraries_for_the_tests(pip_requirements):
    assert {"scipy", "torch", "hypothesis", "pytest", "nbval"} <= set(pip_requirements)


def test_version_matches_pyproject(pyproject):
    assert lossedu.__version__ == pyproject["project"]["version"]


def test_math_package_depends_on_numpy_only(pyproject):
    runtime = [canonicalize_name(Requirement(r).name) for r in pyproject["project"]["dependencies"]]
    assert runtime == ["numpy"]


# --- environment.yml -----------------------------------------------------------------------


def test_environment_uses_conda_forge(environment):
    assert environment["channels"] == ["conda-forge"]


def test_environment_installs_the_package_itself(environment):
    pip_section = next(e["pip"] for e in environment["dependencies"] if isinstance(e, dict))
    assert "-e ." in [line.strip() for line in pip_section]


def test_environment_lists_the_same_packages_as_pyproject(pip_requirements, conda_requirements):
    assert set(conda_requirements) == set(pip_requirements), (
        f"only in environment.yml: {sorted(set(conda_requirements) - set(pip_requirements))}; "
        f"only in pyproject.toml: {sorted(set(pip_requirements) - set(conda_requirements))}"
    )


def test_environment_has_the_same_lower_bounds_as_pyproject(pip_requirements, conda_requirements):
    for name, specifier in pip_requirements.items():
        conda = conda_requirements.get(name)
        assert conda is not None, f"{name} missing from environment.yml"
        assert lower_bound(conda) == lower_bound(specifier), (
            f"{name}: environment.yml has {conda or 'no bound'}, pyproject.toml has {specifier}"
        )


def test_environment_python_matches_requires_python(pyproject, environment):
    python = next(
        parse_conda_spec(e)[1]
        for e in environment["dependencies"]
        if isinstance(e, str) and parse_conda_spec(e)[0] == "python"
    )
    assert python == SpecifierSet(pyproject["project"]["requires-python"])


# --- constraints.txt -----------------------------------------------------------------------


def test_constraints_pin_every_listed_package(pip_requirements, pins):
    missing = set(pip_requirements) - set(pins)
    assert not missing, f"constraints.txt does not pin {sorted(missing)}"


def test_constraints_pins_satisfy_pyproject_lower_bounds(pip_requirements, pins):
    for name, version in pins.items():
        if name in pip_requirements:
            bounds = pip_requirements[name]
            assert version in bounds, f"constraints.txt pins {name}=={version}, outside {bounds}"


def test_makefile_installs_with_the_constraints():
    assert "-c constraints.txt" in (ROOT / "Makefile").read_text()
