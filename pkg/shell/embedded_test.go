package shell

import (
	"strings"
	"testing"
)

// Commands that programs run from their own options or operands are
// reached like bash -c strings.
func TestEmbeddedScripts(t *testing.T) {
	tests := []struct{ src, want string }{
		{`trap 'rm -rf ~' EXIT`, "rm -rf ~"},
		{`tmux new-session -ds probe 'rm -rf /'`, "rm -rf /"},
		{`screen -dmS x rm -rf /`, "rm -rf /"},
		{`parallel ::: 'rm -rf /'`, "rm -rf /"},
		{`parallel rm -rf ::: /`, "rm -rf /"},
		{`parallel rm -rf ::: build /`, "rm -rf /"},
		{`parallel 'rm -rf {}' ::: /`, "rm -rf /"},
		{`parallel -j4 rm -rf {} ::: ok ::: /`, "rm -rf /"},
		{`echo / | parallel bash -c 'rm -rf {}'`, "rm -rf /"},
		{`echo / | parallel rm -rf {}`, "rm -rf /"},
		{`printf '%s\n' 'rm -rf /' | parallel`, "rm -rf /"},
		{`echo ~ | parallel -j2 --halt now,fail=1 rm -rf`, "rm -rf ~"},
		{`ssh -o 'ProxyCommand=rm -rf /' evil.example`, "rm -rf /"},
		{`ssh -oProxyCommand='rm -rf /' evil.example`, "rm -rf /"},
		{`rsync --rsh='rm -rf /' src host:/tmp`, "rm -rf /"},
		{`rsync -e 'rm -rf /' src host:/tmp`, "rm -rf /"},
		{`tar -cI 'rm -rf /' -f - .`, "rm -rf /"},
		{`tar --to-command='rm -rf /' -xf a.tar`, "rm -rf /"},
		{`git -c core.pager='rm -rf /' log`, "rm -rf /"},
		{`git -c alias.x='!rm -rf /' x`, "rm -rf /"},
		{`strace -o /tmp/trace rm -rf /`, "rm -rf /"},
		{"echo 'rm -rf /' > /tmp/x && sh < /tmp/x", "rm -rf /"},
		{"echo / > /tmp/l && xargs -a /tmp/l rm -rf", "rm -rf /"},
		{"echo / > /tmp/l && parallel rm -rf :::: /tmp/l", "rm -rf /"},
		{"echo 'rm -rf /' > /tmp/l && parallel :::: /tmp/l", "rm -rf /"},
		{`lua -e 'os.execute("rm -rf /")'`, "rm -rf /"},
		{`lua -e 'os.execute("rm -rf " .. "/x")'`, "rm -rf /x"},
		{`lua -e 'os.run("rm -rf /x")'`, "rm -rf /x"},
		{`lua -e 'os.execute [[rm -rf /x]]'`, "rm -rf /x"},
		{`lua -e 'os.execute [==[rm -rf /x]==]'`, "rm -rf /x"},
		{`lua -e 'os.execute "rm -rf /x"'`, "rm -rf /x"},
		{`lua -e 'os["execute"]("rm -rf /x")'`, "rm -rf /x"},
		{`Rscript -e 'system(paste("rm", "-rf", "/x"))'`, "rm -rf /x"},
		{`Rscript -e 'system(paste0("rm -rf ", "/x"))'`, "rm -rf /x"},
		{`pdsh -R ssh -w web1 'echo x | rm -rf /'`, "rm -rf /"},
	}
	for _, tt := range tests {
		res := Parse(tt.src)
		var got []string
		found := false
		for _, c := range res.Commands {
			line := strings.TrimSpace(c.Name + " " + strings.Join(c.Args, " "))
			got = append(got, line)
			if line == tt.want {
				found = true
			}
		}
		if !found {
			t.Errorf("Parse(%q) = %q, want it to reach %q", tt.src, got, tt.want)
		}
	}
	// Near-misses stay plain.
	for _, src := range []string{"git status", "tar xzf a.tgz", "rsync -av src/ dst/", "tmux ls", "ssh host uptime"} {
		for _, c := range Parse(src).Commands {
			if c.Name == "rm" {
				t.Errorf("Parse(%q) reached rm", src)
			}
		}
	}
}
