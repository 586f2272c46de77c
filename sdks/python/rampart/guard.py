"""The @guard decorator: ask Rampart before a function runs."""

from __future__ import annotations

import asyncio
import functools
import inspect
from typing import Any, Callable, Dict, Optional

from .client import Client, RampartDenied


def guard(tool: str, client: Optional[Client] = None, params: Optional[Callable[..., Dict[str, Any]]] = None,
          agent: Optional[str] = None, session: Optional[str] = None):
    """Preflight every call of the decorated function as a `tool` call.

    The call's params are the function's arguments by name (so
    `def run(command)` gives exec {"command": ...}), or whatever params(*args,
    **kwargs) returns. When the decision is deny, or a human refuses or lets
    the approval time out, RampartDenied is raised and the function does not
    run. A call held for approval waits for the human. Coroutine functions
    get an async wrapper that never blocks the event loop.

        @guard("exec")
        def run_shell(command: str) -> str:
            return subprocess.run(command, shell=True, capture_output=True, text=True).stdout
    """

    def decorate(fn):
        sig = inspect.signature(fn)

        def to_params(args, kwargs) -> Dict[str, Any]:
            if params is not None:
                return params(*args, **kwargs)
            bound = sig.bind(*args, **kwargs)
            bound.apply_defaults()
            out: Dict[str, Any] = {}
            for name, value in bound.arguments.items():
                kind = sig.parameters[name].kind
                if kind is inspect.Parameter.VAR_KEYWORD:
                    out.update(value)
                elif kind is not inspect.Parameter.VAR_POSITIONAL and name not in ("self", "cls"):
                    out[name] = value
            return out

        def check(args, kwargs):
            c = client or Client()
            d = c.preflight(tool, to_params(args, kwargs), agent=agent, session=session)
            if not d.allowed:
                raise RampartDenied(d)
            return d

        if inspect.iscoroutinefunction(fn):
            @functools.wraps(fn)
            async def async_wrapper(*args, **kwargs):
                await asyncio.to_thread(check, args, kwargs)
                return await fn(*args, **kwargs)
            return async_wrapper

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            check(args, kwargs)
            return fn(*args, **kwargs)
        return wrapper

    return decorate
