"""Routes that call a source while the client waits (a connection check, a run's credentials answer) run their
use case in a small pool of worker threads of their own, so slow sources can never take the threads every other
request needs. The use case itself ends by the outbound deadline (`Settings.outbound_deadline_seconds`)."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar
from weakref import WeakKeyDictionary

import anyio
import anyio.to_thread

OUTBOUND_THREADS = 8

_P = ParamSpec("_P")
_T = TypeVar("_T")
_limiters: WeakKeyDictionary[asyncio.AbstractEventLoop, anyio.CapacityLimiter] = WeakKeyDictionary()


async def run_outbound(func: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
    """`func(*args, **kwargs)` in a worker thread of the outbound pool (one pool per event loop)."""
    loop = asyncio.get_running_loop()
    limiter = _limiters.get(loop)
    if limiter is None:
        limiter = _limiters[loop] = anyio.CapacityLimiter(OUTBOUND_THREADS)
    return await anyio.to_thread.run_sync(functools.partial(func, *args, **kwargs), limiter=limiter)
