#!/usr/bin/env python3
"""A stand-in for `rampart-eval --listen`, so `make check` needs no Go.

Usage: server.py SOCKET LOG [stream-only]

Speaks the same JSON Lines: one call per line in, one decision per line out,
on the stream socket SOCKET and, unless stream-only, as one datagram in and
one out on the datagram socket SOCKET.dgram (a call that came that way is
logged with "dgram": true). Every call is appended to LOG before it is
answered. Decisions:

  - a command containing "blocked-marker" is denied with a message;
  - a command containing "hang-marker" gets no answer (the client times out);
  - a command containing "quote-marker" is allowed only if shlex reads it
    back into exactly the words the C test passed (the quoting round trip);
  - a command containing "close-marker" is allowed, and then the server
    closes the connection, as rampart-eval does with an idle one;
  - a command containing "approval-marker" is answered require_approval;
  - a command containing "garbage-marker" is answered with a line that is
    not a decision;
  - everything else is allowed.

Each logged call carries "conn", the number of the connection it came on.
"""
import itertools
import json
import os
import shlex
import socket
import socketserver
import sys
import threading
import time

QUOTED = ["/bin/echo", "quote-marker", "a b", "it's", "", 'x"y\\z\n\tw',
          "$HOME", "*", "~x", "a=b", "#c", "\u00e9", "semi;colon", "back`tick`"]

sock_path, log_path = sys.argv[1], sys.argv[2]
stream_only = sys.argv[3:] == ["stream-only"]
lock = threading.Lock()
conns = itertools.count(1)
log = open(log_path, "a", encoding="utf-8")


GARBAGE = {"garbage": True}


def decide(call):
    cmd = call.get("params", {}).get("command", "")
    if "hang-marker" in cmd:
        return None
    if "garbage-marker" in cmd:
        return GARBAGE
    if "blocked-marker" in cmd:
        return {"decision": "deny", "message": "marker blocked",
                "matched_policies": ["block-marker"], "eval_ns": 1}
    if "approval-marker" in cmd:
        return {"decision": "require_approval", "message": "marker wants a human",
                "eval_ns": 1}
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
            self.wfile.write(encode(d))
            self.wfile.flush()
            if "close-marker" in call.get("params", {}).get("command", ""):
                return


def encode(d):
    if d is GARBAGE:
        return b"this is not a decision\n"
    return (json.dumps(d) + "\n").encode()


def serve_datagrams(s):
    """One call per datagram, answered to its sender (or not at all)."""
    while True:
        data, sender = s.recvfrom(1 << 16)
        try:
            call = json.loads(data)
        except ValueError:
            call = {"bad": data.decode("utf-8", "replace")}
        with lock:
            call["conn"] = next(conns)
        call["dgram"] = True
        with lock:
            log.write(json.dumps(call) + "\n")
            log.flush()
        d = decide(call) if "bad" not in call else {"decision": "deny", "eval_ns": 0}
        if d is not None and sender:
            s.sendto(encode(d), sender)


class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True


if not stream_only:
    # Bound before the stream socket appears: the checks start then.
    dgram_path = sock_path + ".dgram"
    if os.path.exists(dgram_path):
        os.unlink(dgram_path)
    dsock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    dsock.bind(dgram_path)
    threading.Thread(target=serve_datagrams, args=(dsock,), daemon=True).start()
if os.path.exists(sock_path):
    os.unlink(sock_path)
with Server(sock_path, Handler) as srv:
    print("ready", flush=True)
    srv.serve_forever()
