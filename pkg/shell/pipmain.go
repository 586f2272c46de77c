package shell

import "strings"

// pip driven from Python: "import pip; pip.main(['install', URL])", "from
// pip._internal import main; main([...])", "from pip._internal.cli.main
// import main as pipmain". pip's main takes pip's own argument vector, so
// the call is read as the pip command line those words make (pip install
// from a git URL, a stranger's index), judged as that line would be.

// pipMainHooks are the hooks of the names the code calls pip's main by:
// pip.main and pip._internal's main, and the names it imports main under.
func pipMainHooks(code string) []hook {
	hs := []hook{{"pip.main", hookPipMain}, {"_internal.main", hookPipMain}, {"main.main", hookPipMain}}
	for at := 0; ; {
		k := strings.Index(code[at:], "from pip._internal")
		if k < 0 {
			return hs
		}
		at += k + len("from pip._internal")
		rest := code[at:]
		if e := strings.IndexAny(rest, ";\n"); e >= 0 {
			rest = rest[:e]
		}
		_, names, ok := strings.Cut(rest, " import ")
		if !ok {
			continue
		}
		for n := range strings.SplitSeq(names, ",") {
			f := strings.Fields(n)
			switch {
			case len(f) == 1 && f[0] == "main":
				hs = append(hs, hook{"main", hookPipMain})
			case len(f) == 3 && f[0] == "main" && f[1] == "as" && f[2] != "":
				hs = append(hs, hook{f[2], hookPipMain})
			}
		}
	}
}
