package engine

import (
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// Download-then-run: "curl -o x.sh URL && bash x.sh" is the same as
// "curl URL | bash" with a file in between. downloadRuns follows the files
// a command line downloads (curl -o/-O, wget, a download redirected to a
// file, scp or rsync from a remote host, then cp, mv or ln of those files)
// and reports each later command that runs one, as a pipeline of the
// download and an interpreter, for the pipeline rules to judge.

// downloaders are the programs whose output file is a download.
var downloaders = table.Map[string, bool]{Words: "curl wget aria2c http xh fetch"}

// pathDirs are the directories a bare program name is looked up in: the
// system's and the user's usual PATH entries.
var pathDirs = []string{"~/.local/bin", "~/bin", "~/go/bin", "~/.cargo/bin", "~/.npm-global/bin", "/usr/local/bin", "/usr/local/sbin", "/usr/bin", "/bin", "/usr/sbin", "/sbin", "/opt/homebrew/bin"}

// shArgv stands for "the file is run" in a synthetic pipeline.
var shArgv = match.Argv{Name: "sh", Program: "sh"}

// langArgvs stand for a console's input run as code of a language
// (shell.ConsoleStdin): the language's interpreter in a pipeline.
var langArgvs = table.Map[string, *match.Argv]{Build: func() map[string]*match.Argv {
	return map[string]*match.Argv{
		"php":    {Name: "php", Program: "php"},
		"ruby":   {Name: "ruby", Program: "ruby"},
		"python": {Name: "python", Program: "python"},
		"node":   {Name: "node", Program: "node"},
		"perl":   {Name: "perl", Program: "perl"},
		"lua":    {Name: "lua", Program: "lua"},
	}
}}

type downloadRun struct {
	from *match.Argv // the download
	run  *match.Argv // what runs it
}

func downloadRuns(cmds []shell.Command, argvs []match.Argv, cwds []string, home string) []downloadRun {
	var runs []downloadRun
	fetched := map[string]*match.Argv{} // cleaned path → the download that wrote it
	var trees fetchedTrees              // directories filled from a download
	for i := range cmds {
		a, cwd := &argvs[i], cwds[i]
		clean := func(p string) string { return match.CleanPath(p, cwd, home) }
		from := func(p string) (*match.Argv, bool) {
			p = clean(p)
			if f, ok := fetched[p]; ok {
				return f, true
			}
			if strings.ContainsAny(p, "*?[") {
				// a pattern a wrapper's input names (find tests -name '*.js'
				// | xargs node: node tests/*.js): any download it matches,
				// the first by name so the answer is the same every time
				best := ""
				for k := range fetched {
					if ok, _ := path.Match(p, k); ok && (best == "" || k < best) {
						best = k
					}
				}
				if best != "" {
					return fetched[best], true
				}
			}
			return trees.under(p)
		}
		// Running a downloaded file?
		if len(fetched) > 0 || len(trees) > 0 {
			if f, ok := from(a.Program); ok && strings.Contains(a.Program, "/") {
				runs = append(runs, downloadRun{f, &shArgv})
			} else if a.Program != "" && !strings.Contains(a.Program, "/") {
				// curl -o ~/.local/bin/x URL && chmod +x … && x: a bare
				// name is looked up in the directories of PATH.
				for _, d := range pathDirs {
					if f, ok := from(d + "/" + a.Program); ok {
						runs = append(runs, downloadRun{f, &shArgv})
						break
					}
				}
			}
			// Every way the walk saw the command run a file: a script
			// operand (bash -O extglob s.sh, tclsh s.tcl, deno run s.js),
			// its standard input (bash < s.sh, cat s.sh | sh), a
			// substitution copying it (bash <(cat s.sh)); not bash -n
			// s.sh, which runs nothing.
			ran := false
			for _, p := range cmds[i].Runs {
				f, ok := from(p)
				if !ok && path.Ext(p) == "" {
					// go run /tmp/t: a directory run runs the sources
					// downloaded into it
					f, ok = fetchedIn(clean(p), fetched)
				}
				if ok {
					runs, ran = append(runs, downloadRun{f, &shArgv}), true
					break
				}
			}
			if !ran && insideContainer(cmds[i].Via) {
				// docker cp s.sh web:/tmp/s.sh && docker exec web sh
				// /tmp/s.sh: a file copied into a container, run there
				for _, p := range append([]string{a.Program}, cmds[i].Runs...) {
					if f, ok := fetched[containerKey(p)]; ok && strings.HasPrefix(p, "/") {
						runs, ran = append(runs, downloadRun{f, &shArgv}), true
						break
					}
				}
			}
			if !ran {
				if f, ok := runsOperand(&cmds[i], from); ok {
					// jupyter execute nb.ipynb, gdb -x s.gdb, awk -f s.awk,
					// gdb ./x: what the catalogue says the program runs
					runs, ran = append(runs, downloadRun{f, &shArgv}), true
				}
			}
			if !ran {
				// docker run -v "$PWD":/w alpine sh /w/s.sh: a container
				// runs a downloaded file through a mount
				if f, ok := containerRunsFetched(&cmds[i], clean, from); ok {
					runs, ran = append(runs, downloadRun{f, &shArgv}), true
				}
			}
			if !ran {
				// python -c "torch.load('m.pt')": a pickle downloaded
				// before, loaded, runs what it holds (shell/unpickle.go)
				for _, p := range shell.PickleLoads(&cmds[i]) {
					if f, ok := from(p); ok {
						runs, ran = append(runs, downloadRun{f, &shArgv}), true
						break
					}
				}
			}
			if !ran {
				// make -C kit, cd kit && make, cmake -S kit, pip install
				// ./kit: a build runs the build file of a tree unpacked
				// from a download (unpack.go)
				if f, ok := buildsFetched(a, clean, from); ok {
					runs, ran = append(runs, downloadRun{f, &shArgv}), true
				}
			}
			if !ran {
				// open /Volumes/X/X.app, open -a X after a download
				// mounted or extracted (macinstall.go)
				if f, ok := opensFetched(a, from); ok {
					runs, ran = append(runs, downloadRun{f, &shArgv}), true
				}
			}
			if !ran {
				// python3 main.py, pytest, node -r ./h.js beside a
				// downloaded h.py, conftest.py or h.js: a module it may
				// load by name from where it runs
				if f, ok := loadsFetched(cmds[i].Name, clean("."), fetched); ok {
					runs = append(runs, downloadRun{f, &shArgv})
				}
			}
		}
		// Archives unpacked from a download, and repositories cloned:
		// what lands in their directory came from the network.
		if archive, dir, ok := unpacks(&cmds[i], a); ok {
			var f *match.Argv
			if archive == "" {
				f = pipedFrom(cmds, argvs, i, from)
			} else if x, ok := from(archive); ok {
				f = x
			}
			if f != nil {
				if dir == "" {
					dir = cwd
				}
				// The unpacking stands for the download: running what a
				// release archive holds is installing software, asked
				// about, where running a downloaded script is not.
				trees = append(trees, fetchedTree{clean(dir), a})
			}
		}
		if image, dir, ok := shell.MountsImage(a.Name, a.Args); ok {
			// hdiutil attach X.dmg, ditto -xk X.zip /Applications: the
			// files there are the download's (macinstall.go)
			var f *match.Argv
			if image == "" {
				f = pipedFrom(cmds, argvs, i, from)
			} else if x, ok := from(image); ok {
				f = x
			}
			if f != nil {
				trees = append(trees, fetchedTree{clean(dir), f})
			}
		}
		if dir, ok := clones(a); ok {
			trees = append(trees, fetchedTree{clean(dir), a})
		}
		// Files this command downloads or copies from a download.
		switch {
		case downloaders.Get(a.Name):
			for _, f := range downloadOutputs(a) {
				fetched[clean(f)] = a
			}
			for _, r := range cmds[i].Redirects {
				if r.Op == ">" || r.Op == ">>" || r.Op == ">|" {
					fetched[clean(r.Target)] = a
				}
			}
		case payloadGenerators.Get(a.Name) && strangerPayload(a):
			// msfvenom -p …reverse_tcp LHOST=203.0.113.7 -o rev: a
			// stranger's shell, as a download is (payloads.go)
			for _, f := range payloadOutputs(a) {
				fetched[clean(f)] = a
			}
			for _, r := range cmds[i].Redirects {
				if r.Op == ">" || r.Op == ">>" || r.Op == ">|" {
					fetched[clean(r.Target)] = a
				}
			}
		case len(a.Positional) >= 3 && a.Positional[0] == "cp" && containerCopiers.Get(a.Name):
			// docker cp s.sh web:/tmp/, kubectl cp s.sh ns/pod:/tmp/s.sh
			n := len(a.Positional)
			if _, dst, ok := strings.Cut(a.Positional[n-1], ":"); ok && strings.HasPrefix(dst, "/") && !strings.HasPrefix(a.Positional[n-1], "/") {
				for _, src := range a.Positional[1 : n-1] {
					if f, ok := from(src); ok {
						fetched[containerKey(dst)] = f
						fetched[containerKey(dst+"/"+path.Base(src))] = f
					}
				}
			}
		case a.Name == "scp" || a.Name == "rsync":
			if n := len(a.Positional); n >= 2 && strings.Contains(a.Positional[0], ":") {
				fetched[clean(a.Positional[n-1])] = a
			} else if n >= 2 {
				// a local copy of a fetched file, as cp
				for _, src := range a.Positional[:n-1] {
					if f, ok := from(src); ok {
						fetched[clean(a.Positional[n-1])] = f
					}
				}
			}
		case (len(fetched) > 0 || len(trees) > 0) && (a.Name == "cp" || a.Name == "mv" || a.Name == "ln" || a.Name == "install"):
			dir, srcs := copyTarget(a)
			for _, src := range srcs {
				if f, ok := from(src); ok {
					// the target is the copy, or a directory the copy
					// lands in under its own name (cp s.sh /tmp/)
					if dir == "" {
						fetched[clean(a.Positional[len(a.Positional)-1])] = f
						dir = a.Positional[len(a.Positional)-1]
					}
					fetched[clean(dir+"/"+path.Base(src))] = f
				}
			}
		case len(fetched) > 0 && decompressors.Get(a.Name):
			// gunzip x.sh.gz writes x.sh.
			for _, src := range a.Positional {
				if f, ok := fetched[clean(src)]; ok {
					if out := strings.TrimSuffix(src, path.Ext(src)); out != src {
						fetched[clean(out)] = f
					}
				}
			}
		}
	}
	return runs
}

// downloadOutputs are the files a curl or wget command writes.
func downloadOutputs(a *match.Argv) []string {
	var out []string
	remoteName := false
	for i, x := range a.Args {
		next := ""
		if i+1 < len(a.Args) {
			next = a.Args[i+1]
		}
		if f, ok := clusterOutput(a.Name, x, next); ok {
			// -o FILE, -oFILE, also in a cluster: -fsSLo FILE, -qOFILE
			if f != "" && f != "-" {
				out = append(out, f)
			}
			continue
		}
		switch {
		case (x == "--output" || x == "--output-document") && next != "" && next != "-":
			out = append(out, next)
		case strings.HasPrefix(x, "--output=") || strings.HasPrefix(x, "--output-document="):
			out = append(out, x[strings.IndexByte(x, '=')+1:])
		case a.Name == "curl" && (x == "-O" || x == "--remote-name" || strings.HasPrefix(x, "-") && !strings.HasPrefix(x, "--") && strings.Contains(x, "O")):
			remoteName = true
		}
	}
	if len(out) == 0 && (a.Name == "wget" || remoteName) {
		// The file is named after the URL's last path segment.
		for _, x := range a.Positional {
			if u, ok := match.ParseURL(x); ok {
				name := path.Base(strings.SplitN(strings.SplitN(u.Rest, "?", 2)[0], "#", 2)[0])
				if name == "/" || name == "." || name == "" {
					name = "index.html"
				}
				out = append(out, name)
			}
		}
	}
	return out
}

// shortValued are the short options of curl and wget that take a value,
// the output file's letter among them.
var shortValued = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{"curl": "ACDEFHKPQTUXYabcdehmortuwxyz", "wget": "ABDINOPQRTUXYabeilot",
		"http": "Aao", "xh": "Aao", "aria2c": "dijosx"}
}}

// outputLetter is the short option that names a downloader's output file.
var outputLetter = table.Map[string, byte]{Build: func() map[string]byte {
	return map[string]byte{"curl": 'o', "wget": 'O', "http": 'o', "xh": 'o', "aria2c": 'o'}
}}

// clusterOutput reads a short-option cluster of curl or wget (-so FILE,
// -sofile, -qO-): ok when it names the output file, which is its rest or
// the next word. A letter taking a value before the output's ends the
// cluster.
func clusterOutput(name, x, next string) (string, bool) {
	o, known := outputLetter.Lookup(name)
	if !known || len(x) < 2 || x[0] != '-' || x[1] == '-' {
		return "", false
	}
	for i := 1; i < len(x); i++ {
		switch {
		case x[i] == o:
			if i+1 < len(x) {
				return x[i+1:], true
			}
			return next, true
		case strings.IndexByte(shortValued.Get(name), x[i]) >= 0:
			return "", false
		}
	}
	return "", false
}

// copyTarget reads a cp, mv, ln or install: the directory named by -t or
// --target-directory, if any, and the sources copied.
func copyTarget(a *match.Argv) (dir string, srcs []string) {
	for i, x := range a.Args {
		switch {
		case (x == "-t" || x == "--target-directory") && i+1 < len(a.Args):
			dir = a.Args[i+1]
		case strings.HasPrefix(x, "--target-directory="):
			dir = x[len("--target-directory="):]
		case len(x) > 2 && strings.HasPrefix(x, "-t") && x[2] != '-':
			dir = x[2:]
		}
	}
	if dir != "" {
		for _, p := range a.Positional {
			if p != dir {
				srcs = append(srcs, p)
			}
		}
		return dir, srcs
	}
	if n := len(a.Positional); n >= 2 {
		return "", a.Positional[:n-1]
	}
	return "", nil
}

// runsOperand gives the download behind a word the catalogue says the
// command runs (the exec role: jupyter execute's notebook, expect's
// script, gdb's program; or an operand it reads, given the option its
// runs-mark names: jupyter nbconvert --execute), when from finds one.
func runsOperand(c *shell.Command, from func(string) (*match.Argv, bool)) (*match.Argv, bool) {
	if c.Name == "" {
		return nil, false
	}
	cl := catalog.Default().Classify(catalog.Default().ModuleProgram(c.Name, c.Args))
	runsReads := cl.Entry != nil && cl.Entry.Prop("runs-mark") != "" && cl.Mark(cl.Entry.Prop("runs-mark"))
	for _, w := range cl.Words {
		if w.Role == catalog.Exec || runsReads && w.Role == catalog.Read && w.Option == "" {
			if f, ok := from(w.Text); ok {
				return f, true
			}
		}
	}
	return nil, false
}

// fetchedIn gives the download behind a file the line downloaded directly
// into the directory dir, the first by name so the answer is the same
// every time.
func fetchedIn(dir string, fetched map[string]*match.Argv) (*match.Argv, bool) {
	best := ""
	for k := range fetched {
		if path.Dir(k) == dir && (best == "" || k < best) {
			best = k
		}
	}
	if best == "" {
		return nil, false
	}
	return fetched[best], true
}

// loadsFetched gives the download behind a module a program may load by
// name from its working directory dir (shell.ModuleExts): a file of its
// language's endings the line downloaded into dir, the first by name so
// the answer is the same every time.
func loadsFetched(name, dir string, fetched map[string]*match.Argv) (*match.Argv, bool) {
	exts := shell.ModuleExts(name)
	if len(exts) == 0 {
		return nil, false
	}
	best := ""
	for k := range fetched {
		if path.Dir(k) != dir || best != "" && k > best {
			continue
		}
		for _, x := range exts {
			if strings.HasSuffix(k, x) {
				best = k
				break
			}
		}
	}
	if best == "" {
		return nil, false
	}
	return fetched[best], true
}

// containerRunsFetched gives the download behind a file a container runs
// through a host directory mounted into it (docker run -v "$PWD":/w
// alpine sh /w/s.sh, -w /w … ./s.sh, sh -c '… /w/s.sh'): the container's
// command is read as a line of its own, and each file it runs, as its
// program, a script or a catalogued operand, is looked for on the host.
func containerRunsFetched(c *shell.Command, clean func(string) string, from func(string) (*match.Argv, bool)) (*match.Argv, bool) {
	cat := catalog.Default()
	if c.Name == "" || !cat.Known(c.Name) {
		return nil, false
	}
	cl := cat.Classify(c.Name, c.Args)
	if cl.Entry == nil || cl.Entry.Prop("runs-image") == "" {
		return nil, false
	}
	ct := effect.ContainerOf(&cl, c.Args, clean)
	if len(ct.Binds) == 0 || len(ct.Words) == 0 {
		return nil, false
	}
	inside := func(p string) (*match.Argv, bool) {
		if h := ct.HostPath(p); h != "" {
			return from(h)
		}
		return nil, false
	}
	res := shell.Parse(shell.JoinWords(ct.Words))
	defer shell.Release(&res)
	for k := range res.Commands {
		in := &res.Commands[k]
		if in.Name == "cd" && len(in.Args) == 1 && strings.HasPrefix(in.Args[0], "/") {
			ct.Workdir = in.Args[0] // sh -c 'cd /src && bash s.sh'
			continue
		}
		if f, ok := inside(in.Program); ok && strings.Contains(in.Program, "/") {
			return f, true
		}
		for _, p := range in.Runs {
			if f, ok := inside(p); ok {
				return f, true
			}
		}
		if f, ok := runsOperand(in, inside); ok {
			return f, true
		}
	}
	return nil, false
}

// containerCopiers copy files into a container or pod (their cp verb), and
// run commands in one (exec).
var containerCopiers = table.Map[string, bool]{Words: "docker podman nerdctl finch kubectl oc"}

// containerKey keys a path inside a container among the files the line
// fetched: any container's, since the walk keeps no container's name.
func containerKey(p string) string { return "container:" + path.Clean(p) }

// insideContainer reports a command run inside a container or pod, by the
// wrappers it was found behind (docker exec web sh ..., kubectl exec pod
// -- bash ...).
func insideContainer(via []string) bool {
	for _, v := range via {
		if containerCopiers.Get(v) {
			return true
		}
	}
	return false
}
