"""Cold-start benchmark: importing the API function's handler against `import boto3, aws_lambda_powertools`.

    .venv/bin/python bench/coldstart.py [--runs 7] [--no-pyc] [--top 15] [--venv] [--json]

Each import runs in a fresh interpreter (`-I -S`: no site-packages, no user site, no environment), baseline and
handler interleaved, and the medians are compared. By default the interpreter sees only what the API function
sees in Lambda: its CodeUri, its layers' sources, and its layers' requirements installed for this interpreter
under `.local/coldstart-env` (plus boto3 at the pins of requirements-dev.txt, which the Lambda runtime provides)
— so an import of something that is not in the function's layers fails here as it would in Lambda, and
optional extras of the dev venv (rich, click...) do not slow the figures down. `--venv` uses .venv instead.
`--top N` prints the N slowest imports (cumulative, `-X importtime`) of the first request.

Three things are timed, wall clock and CPU time (the steadier one on a busy machine):
- baseline: `import boto3, aws_lambda_powertools`;
- handler: importing the handler module — Lambda's init. The target (issue 16) is handler / baseline <= 2.0;
- first request: the import, then one GET /v1/health through the handler, which builds the app (FastAPI, every
  route). With SnapStart that build is in the snapshot (the before-snapshot hook does it), so a cold start
  resumes past it; without a snapshot (local mode, $LATEST) the first request pays it, once.
The Lambda runtime is Python 3.12; this runs on the local interpreter, so read the ratios, not the milliseconds.
Byte-code is cached here (pip compiles what it installs); `sam build` ships layers without .pyc and /opt is
read-only, so a Lambda cold start without a snapshot also compiles every module it imports: `--no-pyc` times that
first request too ("first, no .pyc").
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from local.package_size import packages_of  # noqa: E402
from local.template import load_raw  # noqa: E402

FUNCTION = "ApiFunction"
ENV_DIR = ROOT / ".local" / "coldstart-env"
BASELINE = "import boto3, aws_lambda_powertools"
_TIMED = """
import sys, time
sys.path[:0] = {paths!r}
wall, cpu = time.perf_counter(), time.process_time()
{statement}
print((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000)
"""
# The sample health event through the handler (its context: what powertools' inject_lambda_context reads).
_FIRST_REQUEST = """import json, {module}
class Context:
    function_name, memory_limit_in_mb, aws_request_id = "ApiFunction", 1024, "bench"
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:ApiFunction"
answer = {module}.handler(json.load(open({event!r})), Context())
assert answer["statusCode"] == 200, answer"""
EVENT = ROOT / "events" / "api_get_health.json"


def api_function() -> tuple[Path, str, list[Path]]:
    """The API function's code directory, handler module and layer directories, from template.yaml."""
    raw = load_raw()
    packages, layer_dirs = packages_of(raw, ROOT)
    package = next(p for p in packages if p.function == FUNCTION)
    module = raw["Resources"][FUNCTION]["Properties"]["Handler"].rsplit(".", 1)[0]
    return package.code_dir, module, [layer_dirs[name] for name in dict.fromkeys(package.layers)]


def _runtime_pins() -> list[str]:
    """boto3 and botocore as pinned for local mode: the Lambda runtime ships its own."""
    text = (ROOT / "requirements-dev.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if re.match(r"^(boto3|botocore)==", line.strip())]


def layer_site(layer_dirs: list[Path]) -> Path:
    """The layers' requirements (+ boto3) installed for this interpreter, cached by their content."""
    requirements = [d / "requirements.txt" for d in layer_dirs if (d / "requirements.txt").is_file()]
    pins = _runtime_pins()
    key = "".join(r.read_text(encoding="utf-8") for r in requirements) + " ".join(pins) + sys.version
    target = ENV_DIR / hashlib.sha256(key.encode()).hexdigest()[:16]
    if not (target / ".complete").exists():
        for stale in ENV_DIR.glob("*"):  # built for older requirements
            shutil.rmtree(stale, ignore_errors=True)
        cmd = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
               "--target", str(target / "python"), *pins]  # fmt: skip
        for r in requirements:
            cmd += ["-r", str(r)]
        subprocess.run(cmd, check=True)
        (target / ".complete").touch()
    return target / "python"


def time_import(statement: str, paths: list[str], python: str, bytecode: bool = True) -> tuple[float, float]:
    """(wall, CPU) milliseconds `statement` takes in a fresh, isolated interpreter with `paths` first on sys.path;
    `bytecode=False`: no .pyc to load (an empty pycache prefix, none written), every module compiled."""
    code = _TIMED.format(paths=paths, statement=statement)
    with tempfile.TemporaryDirectory() as empty:
        flags = [] if bytecode else ["-B", "-X", f"pycache_prefix={empty}"]
        done = subprocess.run([python, "-I", "-S", *flags, "-c", code], capture_output=True, text=True, cwd=paths[0])
    if done.returncode != 0:
        raise SystemExit(f"`{statement[:60]}...` failed:\n{done.stderr.strip()}")
    wall, cpu = done.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def slowest_imports(statement: str, paths: list[str], python: str, top: int) -> list[tuple[float, str]]:
    """The `top` imports with the largest cumulative time (ms) in one `-X importtime` run of `statement`."""
    code = f"import sys; sys.path[:0] = {paths!r}; {statement}"
    done = subprocess.run([python, "-I", "-S", "-X", "importtime", "-c", code], capture_output=True, text=True)
    rows = []
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]) / 1000, parts[2].rstrip()))
    return sorted(rows, reverse=True)[:top]


def _key(name: str) -> str:
    return re.sub(r"[^a-z]+", "_", name).strip("_")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="fresh processes per side (median); at least 5")
    parser.add_argument("--top", type=int, default=0, help="also print the N slowest imports of the handler")
    parser.add_argument("--venv", action="store_true", help="use .venv's site-packages instead of the layers'")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument(
        "--no-pyc",
        action="store_true",
        help="also time the first request compiling every module (Lambda's layers ship no .pyc)",
    )
    args = parser.parse_args(argv)

    code_dir, module, layer_dirs = api_function()
    if args.venv:
        # -S leaves site-packages out; add .venv's explicitly.
        site = subprocess.run([sys.executable, "-c", "import site; print(site.getsitepackages()[0])"],
                              capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
        deps = [site]
    else:
        deps = [str(layer_site(layer_dirs))]
    paths = [str(code_dir), *(str(d) for d in layer_dirs), *deps]

    first_request = _FIRST_REQUEST.format(module=module, event=str(EVENT))
    statements = {"baseline": BASELINE, "handler": f"import {module}", "first request": first_request}
    if args.no_pyc:
        statements["first, no .pyc"] = first_request
    runs = max(5, args.runs)
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in statements}
    for _ in range(runs):  # interleaved, so a busy moment hits every side alike
        for name, statement in statements.items():
            bytecode = name != "first, no .pyc"
            samples[name].append(time_import(statement, paths, sys.executable, bytecode))
    wall = {name: statistics.median(w for w, _ in runs_) for name, runs_ in samples.items()}
    cpu = {name: statistics.median(c for _, c in runs_) for name, runs_ in samples.items()}
    figures: dict[str, object] = {
        "python": sys.version.split()[0],
        "environment": "venv" if args.venv else "layers",
        "runs": runs,
        **{f"{_key(name)}_ms": round(wall[name], 1) for name in statements},
        **{f"{_key(name)}_cpu_ms": round(cpu[name], 1) for name in statements},
        "ratio": round(wall["handler"] / wall["baseline"], 2),
        "ratio_cpu": round(cpu["handler"] / cpu["baseline"], 2),
        "first_request_ratio": round(wall["first request"] / wall["baseline"], 2),
        "first_request_ratio_cpu": round(cpu["first request"] / cpu["baseline"], 2),
    }
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"{FUNCTION}: handler import ({code_dir.relative_to(ROOT)}/{module}.py) vs `{BASELINE}`")
        print(f"python {figures['python']}, {figures['environment']}, median of {runs} fresh processes each")
        print(f"  {'':<14}{'wall ms':>9}{'cpu ms':>9}{'x baseline':>12}")
        for name in statements:
            ratio = f"{wall[name] / wall['baseline']:.2f} / {cpu[name] / cpu['baseline']:.2f}"
            print(f"  {name:<14}{wall[name]:>9.1f}{cpu[name]:>9.1f}{ratio:>14}")
        verdict = "within" if figures["ratio"] <= 2.0 else "over"  # type: ignore[operator]
        print(f"  ratio {figures['ratio']} (wall), {figures['ratio_cpu']} (cpu): {verdict} the 2.0 target")
        print("  first request = import + building the app + GET /v1/health (SnapStart: the build is in the snapshot)")
    if args.top:
        print("\nslowest imports of the first request (cumulative ms, one run):")
        for ms, name in slowest_imports(statements["first request"], paths, sys.executable, args.top):
            print(f"  {ms:8.1f}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
