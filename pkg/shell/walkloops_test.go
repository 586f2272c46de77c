package shell

import (
	"slices"
	"strings"
	"testing"
)

// TestLoopDeletes holds a delete whose argument is a loop's variable to
// the loop's literal items, or to a literal, narrow walk's pattern: the
// deletes are read as rm of each, and the code hides nothing; a walk of
// the whole tree, or of a computed root, stays unread.
func TestLoopDeletes(t *testing.T) {
	read := func(src string) (rms []string, opaque bool) {
		for _, c := range Parse(src).Commands {
			if c.Name == "rm" {
				rms = append(rms, strings.Join(c.Args, " "))
			}
			opaque = opaque || len(c.Code.Opaque) > 0
		}
		return rms, opaque
	}
	for src, want := range map[string]string{
		`node -e "for (const d of ['dist', '.turbo']) require('fs').rmSync(d, {recursive: true})"`:                   "-r -f dist .turbo",
		`node -e "['dist', 'build'].forEach((d) => require('fs').rmSync(d, {recursive: true}))"`:                     "-r -f dist build",
		"python3 -c \"import shutil, pathlib\nfor p in pathlib.Path('.').rglob('__pycache__'):\n shutil.rmtree(p)\"": "-r -f ./**/__pycache__",
		"python3 -c \"import pathlib\nfor p in pathlib.Path('src').rglob('*.pyc'):\n p.unlink()\"":                   "src/**/*.pyc",
		`ruby -e 'Dir.glob("tmp/cache/**/*").each { |f| File.delete(f) if File.file?(f) }'`:                          "-f tmp/cache/**/*",
		`ruby -e '%w[tmp/cache log].each { |d| FileUtils.rm_rf(d) }'`:                                                "-r -f tmp/cache log",
		`perl -e 'for my $d ("build", "dist") { rmtree($d) }'`:                                                       "-r -f build dist",
		"python3 -c \"import shutil\nfor d in ('build', 'dist'):\n shutil.rmtree(d)\"":                               "-r -f build dist",
	} {
		rms, opaque := read(src)
		if opaque || !slices.ContainsFunc(rms, func(r string) bool { return strings.HasSuffix(r, want) }) {
			t.Errorf("Parse(%q): rm %q, opaque %v; want rm ... %s and nothing opaque", src, rms, opaque, want)
		}
	}
	for _, src := range []string{
		"python3 -c \"import pathlib\nfor p in pathlib.Path('.').rglob('*'):\n p.unlink()\"",         // the whole tree
		"python3 -c \"import os\nfor f in os.listdir('.'):\n os.remove(f)\"",                         // every file here
		"python3 -c \"import os, shutil\nfor p in os.listdir(os.environ['D']):\n shutil.rmtree(p)\"", // a computed root
		`ruby -e 'Dir.glob("/home/dev/**/*").each { |f| File.delete(f) }'`,                           // an absolute tree
		`node -e "['dist', x].forEach((d) => require('fs').rmSync(d, {recursive: true}))"`,           // a computed item
		"python3 -c \"import shutil\nfor d in ['build']:\n pass\nd = input()\nshutil.rmtree(d)\"",    // assigned too
		`ruby -e 'Dir.glob("tmp/**/*").each { |f| File.delete(g) }'`,                                 // not the loop's variable
		`perl -e 'for my $d (qw(build /home/dev)) { rmtree($d) }'`,                                   // a list read as one word
	} {
		if _, opaque := read(src); !opaque {
			t.Errorf("Parse(%q): want the delete unread (opaque)", src)
		}
	}
	// An item that names the home is the home deleted.
	rms, _ := read(`node -e "for (const d of ['dist', '/home/dev']) require('fs').rmSync(d, {recursive: true})"`)
	if !slices.ContainsFunc(rms, func(r string) bool { return strings.Contains(r, "/home/dev") }) {
		t.Errorf("want rm of /home/dev, got %q", rms)
	}
}

// TestLoopReads holds a read whose argument or receiver is a loop's
// variable over a walk to the walk's pattern, a walk rooted at the home or
// an absolute directory included (what a read of each item reaches),
// while a delete over such a walk stays unread.
func TestLoopReads(t *testing.T) {
	read := func(src string) (cats, rms []string, opaque bool) {
		for _, c := range Parse(src).Commands {
			switch c.Name {
			case "cat":
				cats = append(cats, strings.Join(c.Args, " "))
			case "rm":
				rms = append(rms, strings.Join(c.Args, " "))
			}
			opaque = opaque || len(c.Code.Opaque) > 0
		}
		return cats, rms, opaque
	}
	for src, want := range map[string]string{
		"python3 -c \"import pathlib\nfor p in pathlib.Path.home().glob('.aws/*'):\n print(p.read_text())\"":                    "~/.aws/*",
		"python3 -c \"import glob, os\nfor f in glob.glob(os.path.expanduser('~/.aws/*')):\n print(open(f).read())\"":           "~/.aws/*",
		"python3 -c \"from pathlib import Path\nfor p in Path.home().rglob('credentials'):\n print(open(p).read())\"":           "~/**/credentials",
		"python3 -c \"from pathlib import Path\nfor p in Path('/etc/ssl').expanduser().glob('*.pem'):\n print(p.read_text())\"": "/etc/ssl/*.pem",
		"python3 -c \"from pathlib import Path; [print(p.read_text()) for p in Path('docs').rglob('*.md')]\"":                   "docs/**/*.md",
	} {
		if cats, _, _ := read(src); !slices.Contains(cats, want) {
			t.Errorf("Parse(%q): reads %q, want %s", src, cats, want)
		}
	}
	for _, src := range []string{
		"python3 -c \"import pathlib\nfor p in pathlib.Path.home().glob('.cache/*'):\n p.unlink()\"",
		"python3 -c \"import pathlib\nfor p in pathlib.Path.home().glob('*'):\n print(p.read_text())\"", // the home's whole top
	} {
		if _, rms, opaque := read(src); len(rms) > 0 && !opaque {
			t.Errorf("Parse(%q): rm %q read from a walk outside the project", src, rms)
		}
	}
}
