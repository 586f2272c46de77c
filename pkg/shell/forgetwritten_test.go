package shell

import "testing"

// A file the line wrote with known text, then rewritten by a command whose
// writing is not read (perl -pi, a one-liner appending its input), is run
// as what that command left: unknown, as with no earlier write. A
// one-liner's own known write stays known.
func TestForgetWritten(t *testing.T) {
	unknown := []string{
		`echo ls > a.sh; perl -pi -e 's/ls/$ENV{X}/' a.sh; bash a.sh`,
		`echo ls > a.sh; python3 -c 'import sys; open("a.sh","a").write(sys.stdin.read())' < /tmp/x; bash a.sh`,
	}
	known := []string{
		`echo ls > a.sh; sed -i 's/ls/pwd/' a.sh; bash a.sh`,
		`node -e "require('fs').writeFileSync('gen.sh', 'echo ok')" && sh gen.sh`,
		`echo ls > a.sh; echo pwd >> a.sh; bash a.sh`,
	}
	checkUnknown(t, unknown, known, "may have written")
}
