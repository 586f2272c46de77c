"""Rampart: a firewall for AI agents' tool calls. This package is a
stdlib-only client of rampart-serve's HTTP API.

    from rampart import Client, guard, RampartDenied

    rp = Client()                      # $RAMPART_SERVE_ADDR, agent token from ~/.rampart
    d = rp.preflight("exec", {"command": "rm -rf /"})
    d.decision                         # "deny"

    @guard("exec")
    def run_shell(command): ...
"""

from .client import AsyncClient, Client, Decision, RampartDenied, RampartError
from .guard import guard

__all__ = ["AsyncClient", "Client", "Decision", "RampartDenied", "RampartError", "guard"]
__version__ = "0.1.0"
