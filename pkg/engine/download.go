package engine

import (
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
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
var downloaders = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{"curl": true, "wget": true, "aria2c": true, "http": true, "xh": true, "fetch": true}
}}

// pathDirs are the directories a bare program name is looked up in: the
// system's and the user's usual PATH entries.
var pathDirs = []string{"~/.local/bin", "~/bin", "~/go/bin", "~/.cargo/bin", "~/.npm-global/bin", "/usr/local/bin", "/usr/local/sbin", "/usr/bin", "/bin", "/usr/sbin", "/sbin", "/opt/homebrew/bin"}

// shArgv stands for "the file is run" in a synthetic pipeline.
var shArgv = match.Argv{Name: "sh", Program: "sh"}

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
				if f, ok := from(p); ok {
					runs, ran = append(runs, downloadRun{f, &shArgv}), true
					break
				}
			}
			if !ran {
				if f, ok := runsOperand(&cmds[i], from); ok {
					// jupyter execute nb.ipynb, gdb -x s.gdb, awk -f s.awk,
					// gdb ./x: what the catalogue says the program runs
					runs = append(runs, downloadRun{f, &shArgv})
				}
			}
		}
		// Archives unpacked from a download, and repositories cloned:
		// what lands in their directory came from the network.
		if archive, dir, ok := unpacks(&cmds[i], a); ok {
			var f *match.Argv
			if archive == "" {
				f = pipedFrom(cmds, argvs, i)
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
			if n := len(a.Positional); n >= 2 {
				for _, src := range a.Positional[:n-1] {
					if f, ok := from(src); ok {
						fetched[clean(a.Positional[n-1])] = f
					}
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
		switch {
		case (x == "-o" || x == "--output" || x == "--output-document" ||
			a.Name == "curl" && len(x) > 2 && x[0] == '-' && x[1] != '-' && x[len(x)-1] == 'o') && next != "" && next != "-":
			// -o FILE, also at the end of a cluster: -fsSLo FILE
			out = append(out, next)
		case a.Name == "wget" && len(x) > 1 && x[0] == '-' && x[1] != '-' && x[len(x)-1] == 'O' && next != "" && next != "-":
			// -O FILE, also at the end of a cluster: -qO FILE
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

// runsOperand gives the download behind a word the catalogue says the
// command runs (the exec role: jupyter execute's notebook, expect's
// script, gdb's program; or an operand it reads, given the option its
// runs-mark names: jupyter nbconvert --execute), when from finds one.
func runsOperand(c *shell.Command, from func(string) (*match.Argv, bool)) (*match.Argv, bool) {
	if c.Name == "" {
		return nil, false
	}
	cl := catalog.Default().Classify(c.Name, c.Args)
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
