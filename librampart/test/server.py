#!/usr/bin/env python3
"""A stand-in for `rampart-eval --listen`, so `make check` needs no Go.

Usage: server.py SOCKET LOG

Speaks the same JSON Lines: one call per line in, one decision per line out.
Every call is appended to LOG before it is answered. Decisions:

  - a command containing "blocked-marker" is denied with a message;
  - a command containing "hang-marker" gets no answer (the client times out);
  - a command containing "quote-marker" is allowed only if shlex reads it
    back into exactly the words the C test passed (the quoting round trip);
  - a command containing "close-marker" is allowed, and then the server
    closes the connection, as rampart-eval does with an idle one;
  - everything else is allowed.

Each logged call carries "conn", the number of the connection it came on.
"""
import itertools
import json
import os
import shlex
import socketserver
import sys
import threading
import time

QUOTED = ["/bin/echo", "quote-marker", "a b", "it's", "", 'x"y\\z\n\tw',
          "$HOME", "*", "~x", "a=b", "#c", "\u00e9", "semi;colon", "back`tick`"]

sock_path, log_path = sys.argv[1], sys.argv[2]
lock = threading.Lock()
conns = itertools.count(1)
log = open(log_path, "a", encoding="utf-8")


def decide(call):
    cmd = call.get("params", {}).get("command", "")
    if "hang-marker" in cmd:
        return None
    if "blocked-marker" in cmd:
        return {"decision": "deny", "message": "marker blocked",
                "matched_policies": ["block-marker"], "eval_ns": 1}
    if "quote-marker" in cmd:
        try:
            words = shlex.split(cmd)
        except ValueError:
            words = None
        if words != QUOTED:
            return {"decision": "deny", "message": "quoting did not round-trip: %r" % (words,),
                    "eval_ns": 1}
    return {"decision": "allow", "eval_ns": 1}


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        with lock:
            conn = next(conns)
        for line in self.rfile:
            try:
                call = json.loads(line)
            except ValueError:
                call = {"bad": line.decode("utf-8", "replace")}
            call["conn"] = conn
            with lock:
                log.write(json.dumps(call) + "\n")
                log.flush()
            d = decide(call) if "bad" not in call else {"decision": "deny", "eval_ns": 0}
            if d is None:
                time.sleep(3)
                return
            self.wfile.write((json.dumps(d) + "\n").encode())
            self.wfile.flush()
            if "close-marker" in call.get("params", {}).get("command", ""):
                return


class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True


if os.path.exists(sock_path):
    os.unlink(sock_path)
with Server(sock_path, Handler) as srv:
    print("ready", flush=True)
    srv.serve_forever()
