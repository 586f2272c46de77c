"""A stdlib-only client for rampart-serve's HTTP API.

The server judges each tool call against the Rampart policy, writes it to the
audit trail, and, for /v1/tool, runs it when allowed. See docs/serve.md.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

DEFAULT_ADDR = "127.0.0.1:9090"

_DEFAULT = object()  # "the client's timeout"; None means no timeout

# How long one long poll of an approval may last; the server caps it at 60 s.
POLL_WAIT = 30.0


class RampartError(Exception):
    """The server answered with an error status, or could not be reached."""

    def __init__(self, message: str, status: int = 0, body: Any = None):
        super().__init__(message)
        self.status = status
        self.body = body


class RampartDenied(Exception):
    """A call was denied (or its approval was refused or timed out)."""

    def __init__(self, decision: "Decision"):
        super().__init__(decision.message or "denied by rampart policy")
        self.decision = decision


@dataclass
class Decision:
    """The answer to a preflight or a tool call.

    decision is "allow", "log", "require_approval" (only while an approval
    is pending, with wait=False) or "deny". result and error are set for
    call_tool when the call ran.
    """

    decision: str
    message: str = ""
    matched_policies: List[str] = field(default_factory=list)
    flags: List[str] = field(default_factory=list)
    approval_id: Optional[str] = None
    status: Optional[str] = None
    result: Any = None
    error: Optional[str] = None

    @property
    def allowed(self) -> bool:
        """True when the call may go ahead (allow or log)."""
        return self.decision in ("allow", "log")

    @property
    def pending(self) -> bool:
        """True when the call is held for a human (wait=False)."""
        return self.decision == "require_approval"

    @classmethod
    def from_json(cls, d: Dict[str, Any]) -> "Decision":
        return cls(
            decision=d.get("decision", "deny"),
            message=d.get("message") or "",
            matched_policies=d.get("matched_policies") or [],
            flags=d.get("flags") or [],
            approval_id=d.get("approval_id"),
            status=d.get("status"),
            result=d.get("result"),
            error=d.get("error"),
        )


def _default_token() -> Optional[str]:
    tok = os.environ.get("RAMPART_TOKEN")
    if tok:
        return tok.strip()
    home = os.environ.get("RAMPART_HOME") or os.path.join(os.path.expanduser("~"), ".rampart")
    try:
        with open(os.path.join(home, "agent.token"), encoding="utf-8") as f:
            return f.read().strip()
    except OSError:
        return None


class Client:
    """A client of one rampart-serve.

    addr is host:port or a base URL; it defaults to $RAMPART_SERVE_ADDR, then
    127.0.0.1:9090. token defaults to $RAMPART_TOKEN, then the agent token
    file in $RAMPART_HOME (~/.rampart/agent.token). Resolving approvals needs
    the admin token (admin.token).

    timeout bounds each HTTP request except those that wait on a human: a
    held call waits as long as the server's approval timeout.
    """

    def __init__(self, addr: Optional[str] = None, token: Optional[str] = None, timeout: float = 30.0,
                 agent: Optional[str] = None, session: Optional[str] = None):
        addr = addr or os.environ.get("RAMPART_SERVE_ADDR") or DEFAULT_ADDR
        if "://" not in addr:
            addr = "http://" + addr
        self.base = addr.rstrip("/")
        self.token = token if token is not None else _default_token()
        self.timeout = timeout
        self.agent = agent
        self.session = session

    # -- plumbing -------------------------------------------------------

    def _request(self, method: str, path: str, body: Any = None, headers: Optional[Dict[str, str]] = None,
                 timeout: Any = _DEFAULT) -> Any:
        data = None
        hdrs = {"Accept": "application/json"}
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            hdrs["Content-Type"] = "application/json"
        if self.token:
            hdrs["Authorization"] = "Bearer " + self.token
        hdrs.update(headers or {})
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=hdrs)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout if timeout is _DEFAULT else timeout) as resp:
                raw = resp.read()
        except urllib.error.HTTPError as e:
            raw = e.read()
            try:
                payload = json.loads(raw)
            except ValueError:
                payload = None
            msg = payload.get("error") if isinstance(payload, dict) else None
            raise RampartError(f"rampart-serve answered {e.code}: {msg or e.reason}", e.code, payload) from None
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise RampartError(f"cannot reach rampart-serve at {self.base}: {reason}"
                               " (start one with `rampart-serve`)") from None
        return json.loads(raw) if raw else None

    def _call_body(self, params: Optional[Dict[str, Any]], agent: Optional[str], session: Optional[str],
                   cwd: Optional[str]) -> Dict[str, Any]:
        body: Dict[str, Any] = {"params": params or {}}
        for key, val in (("agent", agent or self.agent), ("session", session or self.session), ("cwd", cwd)):
            if val:
                body[key] = val
        return body

    def _decide(self, kind: str, tool: str, params, agent, session, cwd, wait: bool) -> Decision:
        headers = {} if wait else {"Prefer": "respond-async"}
        # A held call waits for a human: no client-side timeout then.
        d = self._request("POST", f"/v1/{kind}/{urllib.parse.quote(tool, safe='')}",
                          self._call_body(params, agent, session, cwd), headers, timeout=None if wait else self.timeout)
        return Decision.from_json(d)

    # -- decisions ------------------------------------------------------

    def health(self) -> bool:
        """True when the server answers its health check."""
        try:
            return (self._request("GET", "/healthz") or {}).get("status") == "ok"
        except RampartError:
            return False

    def preflight(self, tool: str, params: Optional[Dict[str, Any]] = None, *, agent: Optional[str] = None,
                  session: Optional[str] = None, cwd: Optional[str] = None, wait: bool = True) -> Decision:
        """Ask whether a call would be allowed, without running it.

        A call the policy holds for a human waits until it is resolved (the
        answer is then allow or deny), unless wait=False: then the decision
        is "require_approval" with an approval_id to poll.
        """
        return self._decide("preflight", tool, params, agent, session, cwd, wait)

    def call_tool(self, tool: str, params: Optional[Dict[str, Any]] = None, *, agent: Optional[str] = None,
                  session: Optional[str] = None, cwd: Optional[str] = None, wait: bool = True) -> Decision:
        """Judge a call and, when allowed, have the server run it.

        tool is exec {command, timeout?, stdin?}, read {path}, write {path,
        content} or fetch {url, method?, headers?, body?}. The Decision's
        result holds the output (credentials redacted). With wait=False a
        held call answers at once with an approval_id; once approved the
        server runs it and the approval's result holds the output.
        """
        return self._decide("tool", tool, params, agent, session, cwd, wait)

    # -- approvals ------------------------------------------------------

    def approvals(self, status: str = "pending") -> List[Dict[str, Any]]:
        """The approvals with a status: pending (default), approved, denied,
        expired, canceled or all."""
        q = urllib.parse.urlencode({"status": status})
        return (self._request("GET", "/v1/approvals?" + q) or {}).get("approvals") or []

    def approval(self, approval_id: str, wait: Optional[float] = None) -> Dict[str, Any]:
        """One approval. With wait (seconds) the server holds the answer until
        it is final or the wait passes."""
        path = "/v1/approvals/" + urllib.parse.quote(approval_id, safe="")
        timeout = self.timeout
        if wait:
            path += "?" + urllib.parse.urlencode({"wait": f"{wait}s"})
            timeout = max(self.timeout, wait + 10)
        return self._request("GET", path, timeout=timeout)

    def wait_approval(self, approval_id: str, timeout: Optional[float] = None) -> Dict[str, Any]:
        """Long-poll an approval until it is final (resolved, and for an
        approved call_tool, run with its result) and return it. With timeout
        (seconds) give up and return it as it stands."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            wait = POLL_WAIT
            if deadline is not None:
                wait = min(wait, max(deadline - time.monotonic(), 0))
            a = self.approval(approval_id, wait=wait or None)
            if _final(a) or (deadline is not None and time.monotonic() >= deadline):
                return a

    def resolve(self, approval_id: str, approved: bool, reason: str = "") -> Dict[str, Any]:
        """Approve or deny a pending approval. Needs the admin token; an
        approval already resolved raises RampartError with status 409."""
        body = {"approved": bool(approved)}
        if reason:
            body["reason"] = reason
        return self._request("POST", "/v1/approvals/" + urllib.parse.quote(approval_id, safe="") + "/resolve", body)


def _final(a: Dict[str, Any]) -> bool:
    if a.get("status", "pending") == "pending":
        return False
    if a.get("kind") == "tool" and a.get("async") and a.get("status") == "approved":
        return a.get("result") is not None
    return True


class AsyncClient:
    """The same API for asyncio code: each method runs the blocking client
    in a worker thread (asyncio.to_thread), so the event loop never blocks."""

    def __init__(self, *args, **kwargs):
        self.sync = Client(*args, **kwargs)

    async def health(self) -> bool:
        return await asyncio.to_thread(self.sync.health)

    async def preflight(self, tool: str, params: Optional[Dict[str, Any]] = None, **kw) -> Decision:
        return await asyncio.to_thread(self.sync.preflight, tool, params, **kw)

    async def call_tool(self, tool: str, params: Optional[Dict[str, Any]] = None, **kw) -> Decision:
        return await asyncio.to_thread(self.sync.call_tool, tool, params, **kw)

    async def approvals(self, status: str = "pending") -> List[Dict[str, Any]]:
        return await asyncio.to_thread(self.sync.approvals, status)

    async def approval(self, approval_id: str, wait: Optional[float] = None) -> Dict[str, Any]:
        return await asyncio.to_thread(self.sync.approval, approval_id, wait)

    async def wait_approval(self, approval_id: str, timeout: Optional[float] = None) -> Dict[str, Any]:
        return await asyncio.to_thread(self.sync.wait_approval, approval_id, timeout)

    async def resolve(self, approval_id: str, approved: bool, reason: str = "") -> Dict[str, Any]:
        return await asyncio.to_thread(self.sync.resolve, approval_id, approved, reason)
