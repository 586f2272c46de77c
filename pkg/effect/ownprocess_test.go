package effect

import (
	"strings"
	"testing"
)

// TestAttachOwnProcess checks that a debugger or tracer attached to an id
// computed to name the developer's own program (a process finder picking
// it by a name no secret holder has, a dev server's pid file, $!) reads no
// other process's memory, and that every other computed id still does:
// a pattern that could pick a key agent, browser or sshd however it is
// spelled (a path, a regular expression, pidof's name), a selection by
// another user or by everything, a stage that writes an id of its own, a
// pid file of the system's or one the line wrote, and a debugger told to
// print the environment.
func TestAttachOwnProcess(t *testing.T) {
	readsMem := func(line string) bool {
		for _, e := range effectsOf(line) {
			if e.Kind == Read && strings.HasPrefix(e.Path, "/proc/") && strings.HasSuffix(e.Path, "/mem") {
				return true
			}
		}
		return false
	}
	for _, line := range []string{
		"gdb -p $(pgrep -f 'target/debug/server') -batch -ex 'thread apply all bt'",
		"gdb -p $(pgrep -n myapp) -batch -ex bt",
		"gdb -batch -ex 'info sharedlibrary' -p $(pidof worker)",
		"perf top -p $(pgrep -n server)",
		"perf record -g --pid=$(pgrep -f 'java.*app.jar') -- sleep 15",
		"strace -p $(pgrep -u dev -f gunicorn | head -1) -s 80",
		"gdb -p \"$(cat .dev/api.pid)\" -batch -ex bt",
		"gdb -p $(cat /tmp/devserver.pid) -batch -ex bt",
		"pid=$(pgrep -f 'bin/api' | head -1); gdb -p \"$pid\" -batch -ex bt",
		"./bin/api & P=$!; gdb -p $P -batch -ex bt",
		"gcore -o /tmp/api $(pgrep -f bin/api | awk '{print $1}')",
	} {
		if readsMem(line) {
			t.Errorf("%s: reads another process's memory: %v", line, effectsOf(line))
		}
	}
	for _, line := range []string{
		"gdb -p 4242 -batch -ex bt",
		"gdb -p $(pgrep ssh-agent) -batch -ex 'gcore /tmp/a'",
		"gdb -p $(pgrep -f /usr/bin/ssh-agent) -batch -ex 'gcore /tmp/a'",
		"gcore -o /tmp/g $(pgrep -f /usr/bin/gpg-agent)",
		"gdb -p $(pgrep -f 'ssh.agent') -batch -ex bt",
		"gdb -p $(pgrep -f 'ss[h]-agent') -batch -ex bt",
		"gdb -p $(pgrep -f 'firefox|bin/api') -batch -ex bt",
		"gdb -p $(pgrep -f .) -batch -ex bt",
		"gdb -p $(pgrep -u root -f bin/api) -batch -ex bt",
		"gdb -p $(pidof KeePassXC) -batch -ex bt",
		"gdb -p `pgrep -f vault` -batch -ex bt",
		"gdb -p $(pgrep -f bin/api | awk '{print 4242}') -batch -ex bt",
		"gdb -p $(pgrep -f bin/api; echo 1) -batch -ex bt",
		"gdb -p $(pgrep -f bin/api | xargs echo 1) -batch -ex bt",
		"gdb -p $(cat /run/sshd.pid) -batch -ex bt",
		"gdb -p $(pgrep -F /run/sshd.pid) -batch -ex bt",
		"pgrep ssh-agent > /tmp/x.pid; gdb -p $(cat /tmp/x.pid) -batch -ex bt",
		"gdb -p $(pgrep -f bin/api) -batch -ex 'call (char*)getenv(\"AWS_SECRET_ACCESS_KEY\")'",
		"gdb -p $(pgrep -f bin/api) -batch -ex 'x/s *environ'",
		"strace -f -e trace=read,write -s 4096 -p \"$(pgrep -f 'ssh ')\" -o /tmp/ssh.trace",
		"strace -p \"$(pidof node)\" -e read",
		"gdb -p $(pgrep -x python3) -batch -ex bt",
		"gdb -p $(pgrep -f claude) -batch -ex 'gcore /tmp/c'",
		"gdb -p $(pgrep -f \"$APP\") -batch -ex 'gcore /tmp/c'",
	} {
		if !readsMem(line) {
			t.Errorf("%s: no read of the process's memory: %v", line, effectsOf(line))
		}
	}
}
