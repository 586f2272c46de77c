"""Tests of the SDK against a real rampart-serve on a free loopback port.

rampart-serve must be on PATH (make test-python puts bin/ there). The
package is the installed one when there is one (make test-python runs these
tests in a virtual environment after pip install ./sdks/python), else the
source beside this folder.
"""

import asyncio
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unittest

try:
    import rampart  # noqa: F401
except ImportError:
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from rampart import AsyncClient, Client, RampartDenied, RampartError, guard  # noqa: E402

POLICY = """version: 1
default_action: allow
policies:
  - name: block-marker
    priority: 10
    match: {tool: [exec]}
    rules:
      - action: deny
        when: {command_matches: ["touch */blocked-marker"]}
        message: "marker blocked"
  - name: needs-human
    match: {tool: [exec]}
    rules:
      - action: require_approval
        when: {command_matches: ["echo needs-approval*"]}
        message: "a human must say yes"
"""

APPROVAL_TIMEOUT = 2  # seconds: long enough to resolve, short enough to test expiry


class InstalledTest(unittest.TestCase):
    """make test-python sets RAMPART_SDK_INSTALLED=1 after pip install."""

    @unittest.skipUnless(os.environ.get("RAMPART_SDK_INSTALLED") == "1", "not run from an installed package")
    def test_installed_package(self):
        import importlib.metadata

        import rampart

        source = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
        here = os.path.realpath(rampart.__file__)
        self.assertFalse(here.startswith(source + os.sep), f"rampart imported from the source tree {here}, not the installed package")
        self.assertEqual(importlib.metadata.version("rampart"), rampart.__version__)


class Server:
    """A rampart-serve process with its own RAMPART_HOME."""

    def __init__(self):
        exe = shutil.which("rampart-serve")
        if not exe:
            raise RuntimeError("rampart-serve is not on PATH; run `make build` and put bin/ on PATH")
        self.dir = tempfile.mkdtemp(prefix="rampart-sdk-")
        self.home = os.path.join(self.dir, "rampart")
        policy = os.path.join(self.dir, "policy.yaml")
        with open(policy, "w", encoding="utf-8") as f:
            f.write(POLICY)
        env = dict(os.environ, RAMPART_HOME=self.home, HOME=self.dir)
        env.pop("RAMPART_POLICY", None)
        self.proc = subprocess.Popen(
            [exe, "-addr", "127.0.0.1:0", "-config", policy, "-approval-timeout", f"{APPROVAL_TIMEOUT}s"],
            env=env, cwd=self.dir, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.addr = None
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            line = self.proc.stderr.readline()
            if not line:
                break
            m = re.search(r"listening on http://(\S+)", line)
            if m:
                self.addr = m.group(1)
                break
        if not self.addr:
            self.stop()
            raise RuntimeError("rampart-serve did not start")
        # Keep draining stderr so the server never blocks on it.
        threading.Thread(target=self.proc.stderr.read, daemon=True).start()
        self.agent = self._token("agent.token")
        self.admin = self._token("admin.token")

    def _token(self, name):
        with open(os.path.join(self.home, name), encoding="utf-8") as f:
            return f.read().strip()

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


class SDKTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.agent = Client(cls.server.addr, cls.server.agent, agent="sdk-test")
        cls.admin = Client(cls.server.addr, cls.server.admin)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def marker(self):
        return os.path.join(self.server.dir, "blocked-marker")

    def wait_pending(self):
        for _ in range(500):
            pending = self.admin.approvals()
            if pending:
                return pending[0]
            time.sleep(0.01)
        self.fail("no pending approval appeared")

    def test_health(self):
        self.assertTrue(self.agent.health())
        self.assertFalse(Client("127.0.0.1:1", "x").health())

    def test_preflight(self):
        d = self.agent.preflight("exec", {"command": "git status"})
        self.assertEqual(d.decision, "allow")
        self.assertTrue(d.allowed)
        d = self.agent.preflight("exec", {"command": "touch " + self.marker()})
        self.assertEqual(d.decision, "deny")
        self.assertEqual(d.message, "marker blocked")
        self.assertEqual(d.matched_policies, ["block-marker"])
        self.assertFalse(os.path.exists(self.marker()))

    def test_call_tool(self):
        d = self.agent.call_tool("exec", {"command": "echo hello"})
        self.assertEqual(d.decision, "allow")
        self.assertEqual(d.result["stdout"], "hello\n")
        self.assertEqual(d.result["exit_code"], 0)
        d = self.agent.call_tool("exec", {"command": "touch " + self.marker()})
        self.assertEqual(d.decision, "deny")
        self.assertIsNone(d.result)
        self.assertFalse(os.path.exists(self.marker()))
        path = os.path.join(self.server.dir, "note.txt")
        self.assertEqual(self.agent.call_tool("write", {"path": path, "content": "hi"}).decision, "allow")
        self.assertEqual(self.agent.call_tool("read", {"path": path}).result["content"], "hi")

    def test_auth(self):
        with self.assertRaises(RampartError) as cm:
            Client(self.server.addr, "not-the-token-at-all").preflight("exec", {"command": "ls"})
        self.assertEqual(cm.exception.status, 401)
        with self.assertRaises(RampartError) as cm:
            self.agent.resolve("01JD5V7W0M6Q3YJ8E9C2N4T1RX", True)
        self.assertEqual(cm.exception.status, 403)
        with self.assertRaises(RampartError) as cm:
            Client("127.0.0.1:1", "x").preflight("exec", {})
        self.assertIn("rampart-serve", str(cm.exception))

    def test_guard(self):
        ran = []

        @guard("exec", client=self.agent)
        def run_shell(command):
            ran.append(command)
            return "ran"

        self.assertEqual(run_shell("ls"), "ran")
        with self.assertRaises(RampartDenied) as cm:
            run_shell("touch " + self.marker())
        self.assertEqual(cm.exception.decision.message, "marker blocked")
        self.assertEqual(ran, ["ls"])

    def test_guard_async(self):
        @guard("exec", client=self.agent, params=lambda cmd: {"command": cmd})
        async def run(cmd):
            return cmd

        self.assertEqual(asyncio.run(run("ls")), "ls")
        with self.assertRaises(RampartDenied):
            asyncio.run(run("touch " + self.marker()))

    def test_async_client(self):
        async def go():
            ac = AsyncClient(self.server.addr, self.server.agent)
            return await asyncio.gather(ac.preflight("exec", {"command": "ls"}), ac.health())

        d, ok = asyncio.run(go())
        self.assertEqual(d.decision, "allow")
        self.assertTrue(ok)

    def test_approval_releases_waiting_call(self):
        out = {}
        t = threading.Thread(target=lambda: out.update(d=self.agent.call_tool("exec", {"command": "echo needs-approval-sync"})))
        t.start()
        a = self.wait_pending()
        self.assertEqual(a["call"]["params"]["command"], "echo needs-approval-sync")
        self.admin.resolve(a["id"], True, "fine")
        t.join(10)
        d = out["d"]
        self.assertEqual(d.decision, "allow")
        self.assertEqual(d.result["stdout"], "needs-approval-sync\n")
        self.assertEqual(d.message, "approved by admin: fine")
        with self.assertRaises(RampartError) as cm:
            self.admin.resolve(a["id"], False)
        self.assertEqual(cm.exception.status, 409)

    def test_async_approval_poll(self):
        d = self.agent.call_tool("exec", {"command": "echo needs-approval-async"}, wait=False)
        self.assertTrue(d.pending)
        self.assertTrue(d.approval_id)
        self.assertEqual(self.agent.approval(d.approval_id)["status"], "pending")
        self.admin.resolve(d.approval_id, True)
        a = self.agent.wait_approval(d.approval_id, timeout=10)
        self.assertEqual(a["status"], "approved")
        self.assertEqual(a["result"]["result"]["stdout"], "needs-approval-async\n")

    def test_guard_denied_by_human(self):
        @guard("exec", client=self.agent)
        def run_shell(command):
            raise AssertionError("must not run")

        def refuse():
            a = self.wait_pending()
            self.admin.resolve(a["id"], False, "not today")

        t = threading.Thread(target=refuse)
        t.start()
        with self.assertRaises(RampartDenied) as cm:
            run_shell("echo needs-approval-refused")
        t.join(10)
        self.assertEqual(cm.exception.decision.message, "denied by admin: not today")

    def test_timeout_denies(self):
        d = self.agent.preflight("exec", {"command": "echo needs-approval-nobody"})
        self.assertEqual(d.decision, "deny")
        self.assertIn("timed out", d.message)


if __name__ == "__main__":
    unittest.main()
