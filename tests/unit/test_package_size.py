"""`make size`'s accounting (local/package_size.py), offline: which layers each function loads, what counts as packed
bytes, the budget verdict and the install cache. The pip step itself runs in `make size`."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

from local import package_size as ps
from local.template import ROOT, load_raw


def _write(path: Path, size: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)


def test_connector_drivers_load_only_in_the_functions_that_reach_sources() -> None:
    # Given the real template
    packages, layer_dirs = ps.packages_of(load_raw(), ROOT)
    layers = {p.function: set(p.layers) for p in packages}

    # Then the connectors layer goes to the API (credential checks) and the run tasks (extraction) only,
    # the dataplane to the workers only, and every function loads the core layer
    assert {f for f, ls in layers.items() if "ConnectorsLayer" in ls} == {"ApiFunction", "RunTaskFunction"}
    assert {f for f, ls in layers.items() if "ApiLayer" in ls} == {"ApiFunction"}  # FastAPI: the API only
    assert {f for f, ls in layers.items() if "DataplaneLayer" in ls} == {"IngestFunction", "RunTaskFunction"}
    assert all("CoreLayer" in ls for ls in layers.values())
    assert layer_dirs["ConnectorsLayer"] == ROOT / "layers/connectors"
    assert (layer_dirs["ConnectorsLayer"] / "requirements.txt").is_file()


def test_globals_layers_come_first_and_a_foreign_layer_is_refused(tmp_path: Path) -> None:
    template = {
        "Globals": {"Function": {"Layers": [{"Ref": "Base"}]}},
        "Resources": {
            "Base": {"Type": "AWS::Serverless::LayerVersion", "Properties": {"ContentUri": "layers/base"}},
            "Extra": {"Type": "AWS::Serverless::LayerVersion", "Properties": {"ContentUri": "layers/extra"}},
            "Fn": {"Type": "AWS::Serverless::Function", "Properties": {"CodeUri": "fn/", "Layers": [{"Ref": "Extra"}]}},
            "Table": {"Type": "AWS::DynamoDB::Table", "Properties": {}},
        },
    }
    packages, layer_dirs = ps.packages_of(template, tmp_path)
    assert packages == [ps.Package("Fn", tmp_path / "fn/", ("Base", "Extra"))]
    assert layer_dirs == {"Base": tmp_path / "layers/base", "Extra": tmp_path / "layers/extra"}

    template["Resources"]["Fn"]["Properties"]["Layers"] = ["arn:aws:lambda:us-east-1:1:layer:other:1"]
    with pytest.raises(ValueError, match="not a !Ref to a layer"):
        ps.packages_of(template, tmp_path)


def test_packed_bytes_leave_out_what_sam_build_drops(tmp_path: Path) -> None:
    # Given a source tree with byte-code next to the sources
    _write(tmp_path / "ferry" / "a.py", 1000)
    _write(tmp_path / "ferry" / "sub" / "b.py", 234)
    _write(tmp_path / "requirements.txt", 10)
    _write(tmp_path / "ferry" / "__pycache__" / "a.cpython-312.pyc", 5000)
    _write(tmp_path / "ferry" / "stray.pyc", 700)

    # Then only the files sam build copies count
    assert ps.tree_bytes(tmp_path) == 1244
    assert ps.tree_bytes(tmp_path / "missing") == 0


def test_a_function_is_its_code_plus_each_layer_once() -> None:
    package = ps.Package("Fn", Path("fn"), ("Core", "Data", "Core"))
    assert ps.function_bytes(package, 10, {"Core": 100, "Data": 1000, "Unused": 5}) == 1110


def test_the_budget_verdict_names_the_function_and_architecture() -> None:
    packages = [ps.Package("Small", Path("s"), ("Core",)), ps.Package("Big", Path("b"), ("Core", "Data"))]
    sizes = {"x86_64": {"Small": 20 * ps.MB, "Big": 226 * ps.MB}, "arm64": {"Small": 20 * ps.MB, "Big": 210 * ps.MB}}
    layer_sizes = {
        "x86_64": {"Core": 17 * ps.MB, "Data": 200 * ps.MB},
        "arm64": {"Core": 17 * ps.MB, "Data": 190 * ps.MB},
    }

    assert ps.over_budget(sizes) == ["Big (x86_64): 226.0 MB"]
    table = ps.render(packages, sizes, layer_sizes)
    big_row = next(line for line in table.splitlines() if line.startswith("Big"))
    assert "226.0 !" in big_row and "210.0  " in big_row and big_row.endswith("Core, Data")
    assert "  Data" in table and "200.0" in table
    # exactly at the budget is within it
    assert ps.over_budget({"arm64": {"Edge": ps.BUDGET_BYTES}}) == []


def test_wheels_are_chosen_for_the_runtime_glibc_on_each_architecture() -> None:
    arm = ps.platform_tags("arm64")
    assert arm[0] == "manylinux2014_aarch64"
    assert "manylinux_2_28_aarch64" in arm and "manylinux_2_34_aarch64" in arm and "manylinux_2_35_aarch64" not in arm
    assert all(tag.endswith("_x86_64") for tag in ps.platform_tags("x86_64"))


def test_installed_requirements_are_reused_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pip(*args: object, **kwargs: object) -> None:
        raise AssertionError("pip ran although the install was cached")

    monkeypatch.setattr(subprocess, "run", no_pip)
    requirements = tmp_path / "layers" / "data" / "requirements.txt"
    _write(requirements, 0)
    requirements.write_text("polars==2.1.0\n")

    # A layer without requirements installs nothing
    assert ps.installed_bytes(tmp_path / "layers" / "none" / "requirements.txt", "arm64", tmp_path / "cache") == 0

    # Given a completed install of exactly these requirements for arm64
    key = requirements.read_bytes() + f"{ps.PYTHON_VERSION} {ps.platform_tags('arm64')}".encode()
    target = tmp_path / "cache" / "site" / "arm64" / f"data-{hashlib.sha256(key).hexdigest()[:16]}"
    _write(target / "python" / "polars" / "__init__.py", 4321)
    (target / ".complete").touch()

    # Then its size is read back without running pip
    assert ps.installed_bytes(requirements, "arm64", tmp_path / "cache") == 4321

    # And changed requirements are installed afresh (pip runs)
    requirements.write_text("polars==2.2.0\n")
    with pytest.raises(AssertionError, match="pip ran"):
        ps.installed_bytes(requirements, "arm64", tmp_path / "cache")


def test_layers_that_install_one_package_at_two_versions_are_named(tmp_path: Path) -> None:
    # Given three layers' installs, two of which disagree on pydantic (a layer left to resolve it itself)
    for layer, dists in {
        "core": ["pydantic-2.14.3", "anyio-4.16.0", "typing_extensions-4.16.0"],
        "api": ["fastapi-0.165.0", "pydantic-2.14.4", "anyio-4.16.0", "typing_extensions-4.16.0"],
        "data": ["polars-2.1.0", "Typing.Extensions-4.16.0"],
    }.items():
        for dist in dists:
            (tmp_path / layer / f"{dist}.dist-info").mkdir(parents=True)
    layer_dists = {name.title(): ps.distributions(tmp_path / name) for name in ("core", "api", "data")}
    assert layer_dists["Core"] == {"pydantic": "2.14.3", "anyio": "4.16.0", "typing_extensions": "4.16.0"}
    assert ps.distributions(None) == {}

    # Then a function loading both is flagged with the package and who brings which version
    both = ps.Package("ApiFunction", Path("api"), ("Core", "Api"))
    assert ps.version_conflicts(both, layer_dists) == ["ApiFunction: pydantic 2.14.3 (Core) vs 2.14.4 (Api)"]
    # And a function loading layers that agree is not
    assert ps.version_conflicts(ps.Package("Worker", Path("w"), ("Core", "Data")), layer_dists) == []
