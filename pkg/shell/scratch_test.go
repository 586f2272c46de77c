package shell

import (
	"strings"
	"testing"
)

// TestScratchCode checks that code run or loaded from a temporary
// directory the line did not write is unknown, and that a file the line
// wrote, copied or built there, or data read from there, is not.
func TestScratchCode(t *testing.T) {
	for line, want := range map[string]bool{
		"bash /tmp/setup.sh":                             true,
		"python3 /var/tmp/x.py":                          true,
		". /dev/shm/env.sh":                              true,
		"make -f /tmp/x.mk":                              true,
		"make --file=/tmp/x.mk":                          true,
		"sed -i -f /tmp/fix.sed a.txt":                   true,
		"vim -S /tmp/s.vim":                              true,
		"pytest -p /tmp/plug":                            true,
		"pip install /tmp/pkg/":                          true,
		"ssh -oPKCS11Provider=/tmp/p.so h":               true,
		"at -f /tmp/job.sh now":                          true,
		"kubectl exec -i api -- sh < /tmp/x.sh":          true,
		"sh < /tmp/x.sh":                                 true,
		"wc -l < /tmp/build.log":                         false,
		"printf 'echo hi' > /tmp/h.sh && bash /tmp/h.sh": false,
		"cp a.sh /tmp/a.sh && bash /tmp/a.sh":            false,
		"go build -o /tmp/app . && /tmp/app":             false,
		"bash scripts/x.sh":                              false,
		"grep -f /tmp/patterns.txt app.log":              false,
		"make -f build/Makefile":                         false,
		"pytest -p pytest_cov":                           false,
		"vim /tmp/notes.txt":                             false,
		"pip install -t /tmp/site requests":              false,
		"pip install --cache-dir=/tmp/pipcache requests": false,
		"pip download requests -d /tmp/wheels":           false,
		"pip install -t /tmp/site /tmp/pkg":              true,
		// what the catalogue says the program runs (the exec role)
		"gdb -batch -x /tmp/cmds.gdb ./app":        true,
		"gawk --file=/tmp/x.awk data.txt":          true,
		"python3 -m pickle /tmp/payload.pkl":       true,
		"python3 -m pickletools /tmp/p.pkl":        false,
		"python3 -m pickle payload.pkl":            false,
		"gdb -x .gdbinit ./app":                    false,
		"cp g.gdb /tmp/g.gdb && gdb -x /tmp/g.gdb": false,
		// behind a wrapper: the wrapper's words hand the file on, they
		// do not write it
		"poetry run python /tmp/x.py":                true,
		"uv run python /tmp/x.py":                    true,
		"nice make -f /tmp/x.mk":                     true,
		"timeout 60 bash /tmp/setup.sh":              true,
		"uv run --with /tmp/pkg python -V":           true,
		"cp a.py /tmp/x.py && nice python /tmp/x.py": false,
		// what the command uv runs writes there is its own output, no
		// package uv installs
		"uv run jupyter nbconvert --execute nb.ipynb --output /tmp/out.ipynb": false,
		"uv run pytest --junitxml /tmp/report.xml":                            false,
		"pipx run ruff check --output-file /tmp/ruff.txt .":                   false,
	} {
		got := false
		for _, c := range Parse(line).Commands {
			for _, u := range c.Unknown {
				if strings.Contains(u, "temporary directory") {
					got = true
				}
			}
		}
		if got != want {
			t.Errorf("Parse(%q): code from a temporary directory = %v, want %v", line, got, want)
		}
	}
}
