package shell

import (
	"strings"
	"testing"
)

// TestComputedCode checks code that computes what it runs: it is unknown
// (opaque or dynamic code facts, or an Unknown mark), and literal commands
// it runs through templates, sed's e and Lua are walked.
func TestComputedCode(t *testing.T) {
	unknown := []string{
		`perl -e 'system(pack("H*","726d202d7266"))'`,
		`php -r 'passthru(base64_decode("cm0gLXJmIC9ob21lL2Rldg=="). " x");'`,
		`ruby -e 'system(["726d202d7266"].pack("H*"))'`,
		`php -r '$f="sys"."tem"; $f("rm -rf /x");'`,
		`awk '{print | "sh"}' <<< 'rm -rf /x'`,
		`echo x | sed 's/.*/rm -rf \/x/e'`,
		`python3 -c "import os; os.system('rm -rf ' + input())"`,
		`node -e "const m='execSync'; require('child_process')[m]('rm -rf /x')"`,
		`php -r '("sys"."tem")("rm -rf /x");'`,
		`osascript -e 'tell application "Finder" to delete every item of home'`,
	}
	for _, src := range unknown {
		r := Parse(src)
		seen := false
		for _, c := range r.Commands {
			seen = seen || len(c.Unknown) > 0 || c.Code.Dynamic || len(c.Code.Opaque) > 0
		}
		if !seen {
			t.Errorf("Parse(%q): nothing unknown:\n\t%s", src, strings.Join(describeAll(r), "\n\t"))
		}
	}
	runs := []string{
		"bun -e 'await Bun.$`rm -rf /x`'",
		`lua -e 'os.execute("rm -rf /x")'`,
		`lua -e 'io.popen("rm -rf /x")'`,
		`sed -n '1e rm -rf /x' README.md`,
		`sed 'e rm -rf /x' /dev/null`,
		`sed -e 's/a/b/;2e rm -rf /x' f`,
		`osascript -l JavaScript -e 'ObjC.import("stdlib"); $.system("rm -rf /x")'`,
		// a key that is constant names the member plainly
		`node -e "require('child_process')['ex'+'ecSync']('rm -rf /x')"`,
		`python3 -c "import os; getattr(os, 'sys' + 'tem')('rm -rf /x')"`,
		`node -e "require('child_process').execSync(['r', 'm -rf /x'].join(''))"`,
		`python3 -c "import os; os.system(''.join(['r', 'm -rf /x']))"`,
		// the working directory spelled in code is '.' (codecwd.go)
		`python3 -c "import os; os.system('rm -rf ' + os.getcwd())"`,
	}
	for _, src := range runs {
		found := false
		for _, c := range Parse(src).Commands {
			found = found || c.Name == "rm"
		}
		if !found {
			t.Errorf("Parse(%q) =\n\t%s\nwant its rm", src, strings.Join(describeAll(Parse(src)), "\n\t"))
		}
	}
	for _, src := range []string{
		`node -e "require('child_process').execSync('npm test', {stdio: 'inherit'})"`,
		`sed -n '/^## /p' CHANGELOG.md`,
		`sed 's/e/E/g; s/the/THE/' notes.txt`,
		`php -r 'echo base64_decode("aGVsbG8=");'`,
		`awk '{print | "sort -u"}' names.txt`,
		`perl -e 'print pack("H*","68656c6c6f")'`,
		`node -e "console.log(['a','b'].join(' '))"`,
		`node -e "const k='log'; console[k]('hi')"`,
	} {
		for _, c := range Parse(src).Commands {
			if len(c.Unknown) > 0 || c.Code.Dynamic || len(c.Code.Opaque) > 0 {
				t.Errorf("Parse(%q): %s is unknown: %v %+v", src, describe(c), c.Unknown, c.Code)
			}
		}
	}
}

// TestParallelCommands checks that parallel's template is judged with the
// ::: arguments in it.
func TestParallelCommands(t *testing.T) {
	for src, want := range map[string]string{
		"parallel rm -rf ::: /x":                            "rm -rf /x",
		"parallel -j2 rm -rf {} ::: /x /y":                  "rm -rf /y",
		"parallel -j1 --halt now,fail=1 {} ::: 'rm -rf /x'": "rm -rf /x",
		"parallel gzip -9 {} ::: logs/a.log":                "gzip -9 logs/a.log",
		"parallel rm -rf {1//} ::: /x/y":                    "rm -rf /x",
		"parallel rm -rf {//} ::: /x/y/z":                   "rm -rf /x/y",
		"parallel rm -rf {.} ::: /x.txt":                    "rm -rf /x",
		"parallel --plus rm -rf {..} ::: /x.tar.gz":         "rm -rf /x",
		"parallel rm -rf /{/.} ::: a/x.c":                   "rm -rf /x",
		"parallel rm -rf {-1} ::: /x":                       "rm -rf /x",
		"parallel -N3 {1} {2} {3} ::: rm -rf /x":            "rm -rf /x",
		"parallel -n2 {1} -rf {2} ::: rm /x":                "rm -rf /x",
		"parallel --max-args=2 {2} -rf {1} ::: /x rm":       "rm -rf /x",
		"parallel -N3 {} ::: rm -rf /x":                     "rm -rf /x",
		"parallel cp {} {.}.bak ::: a.conf":                 "cp a.conf a.bak",
	} {
		found := false
		for _, c := range Parse(src).Commands {
			found = found || strings.HasPrefix(describe(c), want+" @")
		}
		if !found {
			t.Errorf("Parse(%q) =\n\t%s\nwant %s", src, strings.Join(describeAll(Parse(src)), "\n\t"), want)
		}
	}
}
