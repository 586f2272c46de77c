package shell

import (
	"strings"
	"testing"
)

// TestRunsInPlace checks readings of what a line runs that stand where
// another command stood: a file the line wrote copied into a shell by
// cat, a bare name run from a PATH directory the line wrote it to, the
// positional parameters sliced in sh -c STR ARGS and functions, a hashed
// name or alias in a pipeline stage reading its input, and aliases whose
// value ends in a blank.
func TestRunsInPlace(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"echo 'rm -rf /x' > f; cat f | sh", "rm -rf /x"},
		{"echo 'rm -rf /x' > f; cat < f | bash", "rm -rf /x"},
		{"echo 'rm -rf /x' > f; head -1 f | sh", "rm -rf /x"},
		{"echo 'rm -rf /x' > f; install -m 755 f ~/.local/bin/t; t", "rm -rf /x"},
		{"printf 'rm -rf /x' > $HOME/bin/t; chmod +x $HOME/bin/t; t", "rm -rf /x"},
		{`bash -c 'rm -rf "${@: -1}"' _ a /x`, "rm -rf /x"},
		{`sh -c 'rm -rf "${@:2}"' _ a /x`, "rm -rf /x"},
		{`sh -c 'rm -rf "${@:1:1}"' _ /x b`, "rm -rf /x"},
		{`f(){ rm -rf "${@: -1}"; }; f a /x`, "rm -rf /x"},
		{`set -- a /x; rm -rf "${@:2}"`, "rm -rf /x"},
		{"hash -p /bin/sh py; echo 'rm -rf /x' | py", "rm -rf /x"},
		// a shell or an interpreter copied or linked under another name
		// runs as itself
		{"cp /bin/sh ./s && echo 'rm -rf /x' | ./s", "rm -rf /x"},
		// fed by a here-document or a here-string, run from its own
		// directory, copied by rsync -e or link
		{"cp /bin/bash /tmp/b && /tmp/b <<< 'rm -rf /x'", "rm -rf /x"},
		{"cp /bin/sh /tmp/s && cd /tmp && ./s -c 'rm -rf /x'", "rm -rf /x"},
		{"rsync -e ssh /bin/sh ./s && ./s -c 'rm -rf /x'", "rm -rf /x"},
		{"link /bin/sh ./s && ./s -c 'rm -rf /x'", "rm -rf /x"},
		{"cp /bin/sh ./s; mv ./s ./q && ./q -c 'rm -rf /x'", "rm -rf /x"},
		{"alias s=sh; s <<< 'rm -rf /x'", "rm -rf /x"},
		// any program the catalogue knows, copied by its path, is itself
		{"cp /bin/rm ./t && ./t -rf /x", "rm -rf /x"},
		{"cp /usr/local/bin/kubectl ./k && ./k delete ns x", "kubectl delete ns x"},
		{"install -m 755 /bin/bash /tmp/b; /tmp/b -c 'rm -rf /x'", "rm -rf /x"},
		{"ln -s /usr/bin/python3 py && ./py -c 'import os'", "python3 -c import os"},
		{"shopt -s expand_aliases\nalias s=bash\necho 'rm -rf /x' | s", "rm -rf /x"},
		{"shopt -s expand_aliases\nalias r='rm -rf '\nalias h=/x\nr h", "rm -rf /x"},
		{`declare -A m=([k]=/x); rm -rf "${m[k]}"`, "rm -rf /x"},
		{`declare -A m; m[k]=/x; rm -rf "${m[k]}"`, "rm -rf /x"},
		{`a=([3]=/x); rm -rf "${a[3]}"`, "rm -rf /x"},
		{`a[1]=/x; rm -rf ${a[1]}`, "rm -rf /x"},
		{`printf -v d '%s' /x; rm -rf "$d"`, "rm -rf /x"},
		{`printf -vd '/%s/%s' x y; rm -rf "$d"`, "rm -rf /x/y"},
		{`curl http://$((0xa9fea9fe))/`, "curl http://2852039166/"},
		{`curl http://$((0251)).$((16#fe)).$((169)).$((250+4))/`, "curl http://169.254.169.254/"},
		{`n=3; rm -rf /x$((n*2))`, "rm -rf /x6"},
	} {
		found := false
		r := Parse(tc.src)
		for _, c := range r.Commands {
			found = found || c.Name+" "+strings.Join(c.Args, " ") == tc.want
		}
		if !found {
			t.Errorf("Parse(%q) =\n\t%s\nwant %s", tc.src, strings.Join(describeAll(r), "\n\t"), tc.want)
		}
	}
	for _, tc := range []struct{ src, not string }{
		{"cp ls ./l && ./l -la", "ls -la"}, // a file named ls here, not the program
		{"cp /usr/bin/python3 ./bin/ && ./bin/py -c 'import os'", "python3 -c import os"},
		{"cp tools/gen.py ./py && ./py -c 'import os'", "gen.py -c import os"},
		{"shopt -s expand_aliases\nalias r='rm -rf'\nalias h=/x\nr h", "rm -rf /x"},
		{`set -- /x b; rm -rf "${@:2}"`, "rm -rf /x"},
		{"echo 'rm -rf /x' > ~/.local/bin/t; ./t", "rm -rf /x"},
		{`a[1]=/x; a=(./b ./c); rm -rf "${a[1]}"`, "rm -rf /x"},
		{`x=0x10; rm -rf /x$((x+1))`, "rm -rf /x1"},
		{`i=0; echo $((i++)); rm -rf /x$((i))`, "rm -rf /x0"},
		{`declare -A m=([k]=/x); m=([k]=./y); rm -rf "${m[k]}"`, "rm -rf /x"},
	} {
		for _, c := range Parse(tc.src).Commands {
			if c.Name+" "+strings.Join(c.Args, " ") == tc.not {
				t.Errorf("Parse(%q) runs %s", tc.src, tc.not)
			}
		}
	}
}
