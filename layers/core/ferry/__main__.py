"""`python -m ferry`: see ferry.cli."""

from ferry.cli import main

raise SystemExit(main())
