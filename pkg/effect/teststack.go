package effect

import (
	"path/filepath"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A test stack's containers and volumes. Removing a container engine's
// volumes is asked about because a database kept there may hold what a
// person entered by hand (docker compose down -v of the project's main
// stack, docker volume rm app_pgdata). A stack whose every name says it is
// for tests is emptied by every test run, as a test database is
// (disposable.go): a compose project named for tests (-p shop-test,
// COMPOSE_PROJECT_NAME=app_ci), whose volumes are that project's alone; a
// compose file named for tests (-f docker-compose.test.yml, compose.ci.yml,
// tests/compose.yml) when no project is named, whose volumes are those the
// file declares; and volumes removed by name whose names say so
// (test-pg-data, project_pgdata_test, shop-test_pgdata: a test project's
// volume). The same words are read as for a test database (testName: a
// test part first, or last before only a file's or a database's words). A
// command run on another machine's engine (DOCKER_HOST, --context,
// ssh), or a line naming production, is no test stack of this machine's;
// a name computed at run time names nothing here.

// testStackEngines are the programs whose compose and volume commands are
// read here: the container engines and the compose programs of their own.
var testStackEngines = table.Map[string, bool]{Words: "docker podman nerdctl finch docker-compose podman-compose"}

// composePrograms are the compose programs of their own, whose first
// positional word is the compose verb.
var composePrograms = table.Map[string, bool]{Words: "docker-compose podman-compose"}

// composeValueOptions are compose's options that take the next word as
// their value (besides -f and -p, read for their values).
var composeValueOptions = table.Map[string, bool]{Words: "--project-directory --env-file --profile --ansi --parallel --progress -t --timeout --rmi"}

// TestStack reports whether command i of res removes, on this machine's
// container engine, only a stack kept for tests (see above): a compose
// down or rm of a project or file named for tests, or volumes removed by
// names that say so. Its removal of volumes is everyday work.
func TestStack(res *shell.Result, i int, env Env) bool {
	c := &res.Commands[i]
	if !c.Is(testStackKind) || !viaHere(c) || remoteEngine(res) {
		return false
	}
	var ok bool
	if composePrograms.Get(c.Name) {
		ok = testCompose(res, i, c.Args)
	} else {
		pos := positionals(c.Args)
		switch {
		case len(pos) >= 2 && pos[0] == "compose":
			ok = testCompose(res, i, c.Args[indexOf(c.Args, "compose")+1:])
		case len(pos) >= 2 && pos[0] == "volume" && (pos[1] == "rm" || pos[1] == "remove"):
			ok = testVolumes(pos[2:]) || listedTestVolumes(res, i, pos[2:])
		}
	}
	if !ok {
		return false
	}
	a := analysis{res: res, env: env, cat: catalog.Default()}
	return a.productionWord(i) == ""
}

// testStacks drops, from the effects at index start on, the destroys of
// commands that remove only a stack kept for tests on this machine
// (TestStack): compose down --volumes, docker volume rm test-pg-data.
func (a *analysis) testStacks(start int) {
	known, test := -1, false
	out := a.out[:start]
	for _, e := range a.out[start:] {
		if e.Kind == Destroy && e.Cmd >= 0 && e.Cmd < len(a.res.Commands) && a.res.Commands[e.Cmd].Is(testStackKind) {
			if e.Cmd != known {
				known, test = e.Cmd, TestStack(a.res, e.Cmd, a.env)
			}
			if test {
				continue
			}
		}
		out = append(out, e)
	}
	a.out = out
}

// indexOf is the index of the first word of args equal to w (-1 if none).
func indexOf(args []string, w string) int {
	for k, x := range args {
		if x == w {
			return k
		}
	}
	return -1
}

// testCompose reads a compose command's words (after "compose"): its verb
// must be down or rm, and its project, or failing that every compose file
// it names, must be named for tests.
func testCompose(res *shell.Result, i int, args []string) bool {
	var project, verb string
	var files []string
	for _, kv := range lineAssigns(res, i) {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "COMPOSE_PROJECT_NAME":
			project = strings.Trim(v, `"'`)
		case "COMPOSE_FILE":
			files = strings.FieldsFunc(strings.Trim(v, `"'`), func(r rune) bool { return r == ':' || r == ',' })
		}
	}
	for j := 0; j < len(args); j++ {
		w := args[j]
		if !strings.HasPrefix(w, "-") || w == "-" {
			if verb == "" {
				verb = w
			}
			continue
		}
		opt, val, hasVal := strings.Cut(w, "=")
		if !hasVal && (opt == "-f" || opt == "--file" || opt == "-p" || opt == "--project-name" || composeValueOptions.Get(opt)) && j+1 < len(args) {
			j++
			val = args[j]
		}
		switch opt {
		case "-f", "--file":
			if verb == "" {
				files = append(files, val)
			}
		case "-p", "--project-name":
			if verb == "" {
				project = val
			}
		}
	}
	if verb != "down" && verb != "rm" {
		return false
	}
	if project != "" {
		return plainName(project) && testName(project)
	}
	if len(files) == 0 {
		return false // the directory's own stack: the project's main one
	}
	for _, f := range files {
		f = strings.Trim(f, `"'`)
		if !plainName(f) || !testName(filepath.Base(f)) && !testName(filepath.Base(filepath.Dir(f))) {
			return false
		}
	}
	return true
}

// testVolumes reports whether every volume named is named for tests: the
// whole name, or the compose project it begins with (shop-test_pgdata,
// app_test_pgdata: a test project's volume).
func testVolumes(names []string) bool {
	if len(names) == 0 {
		return false
	}
	for _, n := range names {
		if !plainName(n) || !testVolume(n) {
			return false
		}
	}
	return true
}

// listedTestVolumes reports volumes removed as a listing names them
// (docker volume rm $(docker volume ls -q --filter
// label=com.docker.compose.project=shop-test), or the same listing piped
// to xargs docker volume rm) where every listing picks a compose project
// named for tests by its label: an exact match, where a name filter
// matches any volume whose name holds the text.
func listedTestVolumes(res *shell.Result, i int, operands []string) bool {
	c := &res.Commands[i]
	var lists []int
	switch {
	case len(operands) == 0 && len(c.Via) > 0 && c.Via[len(c.Via)-1] == "xargs" && c.Stage > 0:
		for k := range res.Commands {
			if o := &res.Commands[k]; o.Pipeline == c.Pipeline && o.Stage == c.Stage-1 && o.Depth == c.Depth {
				lists = append(lists, k)
			}
		}
	case len(operands) > 0 && len(c.Inputs) > 0:
		for _, w := range operands {
			if !strings.HasPrefix(w, "$(") && !strings.HasPrefix(w, "`") {
				return false
			}
		}
		lists = c.Inputs
	}
	for _, k := range lists {
		if k < 0 || k >= len(res.Commands) || !testVolumeListing(&res.Commands[k]) {
			return false
		}
	}
	return len(lists) > 0
}

// testVolumeListing reports a container engine's volume listing, quiet (the
// names alone), filtered by the label of a compose project named for tests.
func testVolumeListing(d *shell.Command) bool {
	if !d.Is(testStackKind) || composePrograms.Get(d.Name) {
		return false
	}
	pos := positionals(d.Args)
	if len(pos) < 2 || pos[0] != "volume" || pos[1] != "ls" && pos[1] != "list" {
		return false
	}
	quiet, project := false, false
	for j, w := range d.Args {
		switch {
		case w == "--quiet":
			quiet = true
		case w == "-f" || w == "--filter" || strings.HasPrefix(w, "--filter="):
			v, ok := strings.CutPrefix(w, "--filter=")
			if !ok && j+1 < len(d.Args) {
				v = d.Args[j+1]
			}
			name, isProject := strings.CutPrefix(strings.Trim(v, `"'`), "label=com.docker.compose.project=")
			if !isProject || !plainName(name) || !testName(name) {
				return false // another filter may pick any volume
			}
			project = true
		case len(w) > 1 && w[0] == '-' && w[1] != '-':
			quiet = quiet || strings.ContainsRune(w, 'q')
		}
	}
	return quiet && project
}

// testVolume reports whether a volume's name, or a compose project's
// name it begins with (up to an underscore), is named for tests.
func testVolume(n string) bool {
	if testName(n) {
		return true
	}
	for k := strings.IndexByte(n, '_'); k > 0; k = nextUnderscore(n, k) {
		if testName(n[:k]) {
			return true
		}
	}
	return false
}

// nextUnderscore is the index of the next underscore of n after k (-1 if
// none).
func nextUnderscore(n string, k int) int {
	j := strings.IndexByte(n[k+1:], '_')
	if j < 0 {
		return -1
	}
	return k + 1 + j
}

// plainName reports a word that names one thing as written: no expansion,
// substitution or pattern the shell or the engine would fill in.
func plainName(w string) bool {
	return w != "" && !strings.ContainsAny(w, "$`*?[{")
}
