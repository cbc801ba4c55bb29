"""`make size`: every function's unzipped size, packed the way `sam build` packs it, for x86_64 and arm64.

Lambda's limit is 250 MB (262,144,000 bytes: AWS's MB are MiB) for a function's code plus all of its layers,
unzipped. A function here is its `CodeUri` plus each layer it loads (Globals' and its own). A layer, like a
function's code, is its source directory (less what `sam build` drops: `__pycache__`, `*.pyc`) plus its
`requirements.txt` installed with the wheels Lambda would get:

    pip install --target <dir>/python --platform manylinux2014_<arch> --platform manylinux_2_17_<arch> ...
        --platform manylinux_2_34_<arch> --only-binary=:all: --python-version 3.12 --implementation cp
        --no-compile -r requirements.txt

(every manylinux tag up to glibc 2.34, the python3.12 runtime's Amazon Linux 2023: some wheels, e.g. rapidfuzz's
for aarch64, are only tagged manylinux_2_28, and pip does not widen a manylinux_2_X tag by itself;
`--no-compile`: `sam build` unpacks wheels without byte-compiling them.) boto3 comes with the Lambda runtime and
is counted only if a layer pins it. Downloads and installs are cached under `.local/size-cache`, keyed by the
requirements' content, so a rerun is quick. Exits 1 when a function is over the 225 MB budget.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from local.template import ROOT, load_raw

MB = 1024 * 1024
LIMIT_BYTES = 250 * MB  # Lambda: function + layers, unzipped
BUDGET_BYTES = 225 * MB  # ours: room left for the next dependency
PYTHON_VERSION = "3.12"
MACHINES = {"x86_64": "x86_64", "arm64": "aarch64"}
RUNTIME_GLIBC_MINOR = 34  # python3.12 runs on Amazon Linux 2023 (glibc 2.34)
CACHE_DIR = ROOT / ".local" / "size-cache"
# What sam build's Python workflow leaves out when it copies a source directory.
_EXCLUDED_DIRS = {"__pycache__", ".aws-sam", ".git", ".mypy_cache", ".pytest_cache", ".ruff_cache"}
_EXCLUDED_SUFFIXES = (".pyc",)


@dataclass(frozen=True)
class Package:
    """One function as Lambda loads it: its code directory and its layers (logical ids), in order."""

    function: str
    code_dir: Path
    layers: tuple[str, ...]


def packages_of(template: Mapping[str, Any], base_dir: Path) -> tuple[list[Package], dict[str, Path]]:
    """The functions of a SAM template (Globals' layers first) and each layer's ContentUri directory."""
    resources: Mapping[str, Any] = template.get("Resources", {})
    layer_dirs = {
        name: base_dir / res["Properties"]["ContentUri"]
        for name, res in resources.items()
        if res.get("Type") == "AWS::Serverless::LayerVersion"
    }
    global_layers = template.get("Globals", {}).get("Function", {}).get("Layers", [])
    packages = []
    for name, res in resources.items():
        if res.get("Type") != "AWS::Serverless::Function":
            continue
        props = res["Properties"]
        refs = [*global_layers, *props.get("Layers", [])]
        layers = tuple(_layer_ref(ref, layer_dirs, name) for ref in refs)
        packages.append(Package(name, base_dir / props["CodeUri"], layers))
    return packages, layer_dirs


def _layer_ref(ref: Any, layer_dirs: Mapping[str, Path], function: str) -> str:
    if isinstance(ref, dict) and set(ref) == {"Ref"} and ref["Ref"] in layer_dirs:
        return str(ref["Ref"])
    raise ValueError(f"{function}: layer {ref!r} is not a !Ref to a layer of this template")


def tree_bytes(path: Path) -> int:
    """Bytes of every file under `path` as sam build would copy it (apparent sizes, symlinks not followed)."""
    total = 0
    for root, dirs, files in os.walk(path):
        dirs[:] = [d for d in dirs if d not in _EXCLUDED_DIRS]
        for name in files:
            if name.endswith(_EXCLUDED_SUFFIXES):
                continue
            total += os.lstat(os.path.join(root, name)).st_size
    return total


def function_bytes(package: Package, code_bytes: int, layer_bytes: Mapping[str, int]) -> int:
    """A function's unzipped size: its code plus each of its layers (a layer listed twice is loaded once)."""
    return code_bytes + sum(layer_bytes[name] for name in dict.fromkeys(package.layers))


def render(
    packages: Iterable[Package],
    sizes: Mapping[str, Mapping[str, int]],
    layer_sizes: Mapping[str, Mapping[str, int]],
    budget: int = BUDGET_BYTES,
    limit: int = LIMIT_BYTES,
) -> str:
    """The table `make size` prints: one row per function, one column per architecture, then the layers."""
    packages = list(packages)
    archs = list(sizes)
    layers = sorted({name for arch in archs for name in layer_sizes[arch]})
    width = max(len(name) for name in ["function", *(p.function for p in packages), *(f"  {n}" for n in layers)]) + 2
    head = f"{'function':<{width}}" + "".join(f"{arch + ' MB':>12}" for arch in archs) + "  layers"
    lines = [f"unzipped size against Lambda's {limit / MB:.0f} MB (budget {budget / MB:.0f} MB)", head]
    for package in packages:
        cells = ""
        for arch in archs:
            size = sizes[arch][package.function]
            cells += f"{size / MB:>10.1f}{' !' if size > budget else '  '}"
        lines.append(f"{package.function:<{width}}{cells}  {', '.join(package.layers) or '-'}")
    lines.append("layers")
    for layer in layers:
        cells = "".join(f"{layer_sizes[arch][layer] / MB:>10.1f}  " for arch in archs)
        lines.append(f"{'  ' + layer:<{width}}{cells}".rstrip())
    return "\n".join(lines)


def over_budget(sizes: Mapping[str, Mapping[str, int]], budget: int = BUDGET_BYTES) -> list[str]:
    """`Function (arch): N MB` for every function above the budget on some architecture."""
    return [
        f"{function} ({arch}): {size / MB:.1f} MB"
        for arch, by_function in sizes.items()
        for function, size in by_function.items()
        if size > budget
    ]


def platform_tags(arch: str) -> list[str]:
    """The wheel platforms Lambda's python3.12 can load on `arch`: manylinux2014 and manylinux_2_17 to _2_34."""
    machine = MACHINES[arch]
    return [f"manylinux2014_{machine}"] + [
        f"manylinux_2_{minor}_{machine}" for minor in range(17, RUNTIME_GLIBC_MINOR + 1)
    ]


def installed_site(requirements: Path, arch: str, cache: Path = CACHE_DIR) -> Path | None:
    """`requirements` installed for Lambda's Python on `arch` (cached by the file's content); None without one."""
    if not requirements.is_file():
        return None
    platforms = platform_tags(arch)
    digest = hashlib.sha256(requirements.read_bytes() + f"{PYTHON_VERSION} {platforms}".encode()).hexdigest()
    target = cache / "site" / arch / f"{requirements.parent.name}-{digest[:16]}"
    if not (target / ".complete").exists():
        for stale in target.parent.glob(f"{requirements.parent.name}-*"):  # an older version of these requirements
            shutil.rmtree(stale, ignore_errors=True)
        cmd = [
            sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-compile",
            "--target", str(target / "python"), *(a for tag in platforms for a in ("--platform", tag)),
            "--only-binary=:all:",
            "--python-version", PYTHON_VERSION, "--implementation", "cp",
            "--cache-dir", str(cache / "pip"), "-r", str(requirements),
        ]  # fmt: skip
        subprocess.run(cmd, check=True)  # noqa: S603 (our own interpreter running pip)
        (target / ".complete").touch()
    return target / "python"


def installed_bytes(requirements: Path, arch: str, cache: Path = CACHE_DIR) -> int:
    """Bytes of `requirements` installed for Lambda's Python on `arch`."""
    return _site_bytes(installed_site(requirements, arch, cache))


def _site_bytes(site: Path | None) -> int:
    return tree_bytes(site) if site is not None else 0


def distributions(site: Path | None) -> dict[str, str]:
    """name -> version of every distribution installed in `site` (from its `*.dist-info` directories)."""
    if site is None or not site.is_dir():
        return {}
    found = {}
    for info in site.glob("*.dist-info"):
        name, _, version = info.name.removesuffix(".dist-info").partition("-")
        found[name.lower().replace("-", "_").replace(".", "_")] = version
    return found


def version_conflicts(package: Package, layer_dists: Mapping[str, Mapping[str, str]]) -> list[str]:
    """Distributions two of the function's layers install at different versions. Layers unpack into one
    /opt/python, the later over the earlier, so such a function would run a mix of both."""
    seen: dict[str, dict[str, list[str]]] = {}
    for layer in dict.fromkeys(package.layers):
        for name, version in layer_dists.get(layer, {}).items():
            seen.setdefault(name, {}).setdefault(version, []).append(layer)
    return [
        f"{package.function}: {name} " + " vs ".join(f"{v} ({', '.join(ls)})" for v, ls in sorted(versions.items()))
        for name, versions in sorted(seen.items())
        if len(versions) > 1
    ]


@dataclass
class Measurement:
    """One architecture's figures: bytes per function and per layer, and each layer's distributions."""

    functions: dict[str, int]
    layers: dict[str, int]
    layer_dists: dict[str, dict[str, str]]


def measure(packages: list[Package], layer_dirs: Mapping[str, Path], arch: str) -> Measurement:
    """Install (or reuse) every layer's and function's requirements for `arch` and add up the bytes."""
    sites = {name: installed_site(directory / "requirements.txt", arch) for name, directory in layer_dirs.items()}
    layer_bytes = {name: tree_bytes(d) + _site_bytes(sites[name]) for name, d in layer_dirs.items()}
    functions = {
        p.function: function_bytes(p, tree_bytes(p.code_dir) + installed_bytes(p.code_dir / "requirements.txt", arch),
                                   layer_bytes)
        for p in packages
    }  # fmt: skip
    return Measurement(functions, layer_bytes, {name: distributions(site) for name, site in sites.items()})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--template", type=Path, default=ROOT / "template.yaml")
    parser.add_argument("--arch", choices=sorted(MACHINES), action="append", help="default: both")
    args = parser.parse_args(argv)
    packages, layer_dirs = packages_of(load_raw(args.template), args.template.resolve().parent)
    sizes: dict[str, dict[str, int]] = {}
    layer_sizes: dict[str, dict[str, int]] = {}
    conflicts: list[str] = []
    for arch in args.arch or ["x86_64", "arm64"]:
        try:
            measured = measure(packages, layer_dirs, arch)
        except subprocess.CalledProcessError as exc:
            print(f"pip could not install the {arch} wheels (exit {exc.returncode}); see its output above.")
            return 2
        sizes[arch], layer_sizes[arch] = measured.functions, measured.layers
        conflicts += [f"{c} [{arch}]" for p in packages for c in version_conflicts(p, measured.layer_dists)]
    print(render(packages, sizes, layer_sizes))
    failed = False
    if conflicts:
        print("\nlayers of one function install different versions of a package (pin it alike in each layer):")
        print("\n".join(f"  {c}" for c in conflicts))
        failed = True
    over = over_budget(sizes)
    if over:
        print(f"\nover the {BUDGET_BYTES / MB:.0f} MB budget: " + "; ".join(over))
        failed = True
    if not failed:
        print(f"\nevery function within the {BUDGET_BYTES / MB:.0f} MB budget on {', '.join(sizes)}; its layers agree")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
