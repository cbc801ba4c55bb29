"""Local mode: the Migration API on an embedded moto stack, bootstrapped from template.yaml. No Docker."""

import sys
from pathlib import Path

# The core layer is on sys.path in Lambda; make it so here too.
_CORE = str(Path(__file__).resolve().parent.parent / "layers" / "core")
if _CORE not in sys.path:
    sys.path.insert(0, _CORE)
