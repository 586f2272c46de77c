package shell

import (
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
)

// Code from a temporary directory. /tmp, /var/tmp and /dev/shm are
// directories anyone on the machine may put a file in: a script, makefile,
// sed or awk program, editor script, plugin, package or library there that
// the line itself did not write (or copy, build or download) is code
// nobody can see, as a script fed from an unresolved word is. A file the
// line wrote is judged by its text (fileflow.go, written.go) instead.

// scratchPrefixes are the world-writable temporary directories.
var scratchPrefixes = [...]string{"/tmp/", "/var/tmp/", "/dev/shm/"}

// inScratch reports whether name is a file in a temporary directory.
func inScratch(name string) bool {
	for _, p := range scratchPrefixes {
		if strings.HasPrefix(name, p) && len(name) > len(p) {
			return true
		}
	}
	return false
}

// inDownloads reports whether name is a file in a home's Downloads
// directory, where a browser saves what it fetches from the web, or in a
// directory of the project named downloads: code there came from
// somewhere nobody here has read.
func inDownloads(name string) bool {
	for _, d := range [...]string{"downloads/", "Downloads/"} {
		// downloads/x.ipynb, ./downloads/Setup.ps1, ~/Downloads/x.sh
		if k := strings.LastIndex(name, d); k >= 0 && len(name) > k+len(d) && (k == 0 || name[k-1] == '/') {
			return true
		}
	}
	return false
}

// runsScratch marks the command at index i as running code nobody can see
// when name is a file in a temporary directory, or in the Downloads
// directory, that no command before it on the line names (writes, copies,
// builds or downloads).
func (s *state) runsScratch(i int, name string) {
	own := name // as the line's words name it
	if name != "" && !strings.ContainsAny(name[:1], "/~$") {
		if d := s.lastCd(); d != "" && inDownloads(d+"/x") {
			// cd ~/Downloads && papermill x.ipynb: the file in the
			// directory the line moved to
			name = path.Join(d, name)
		}
	}
	downloaded := inDownloads(name)
	if !downloaded && !inScratch(name) {
		return
	}
	key, ownKey := s.key(name), s.key(own)
	if _, ok := s.files[key]; ok || s.opaque.has(key) || own != name && (s.opaque.has(ownKey) || s.files[ownKey] != "") {
		return
	}
	for k := 0; k < i && k < len(s.out); k++ {
		c := &s.out[k]
		if i < len(s.out) && wraps(c, &s.out[i]) {
			continue // nice make -f /tmp/x.mk: the wrapper names the file only to hand it on
		}
		if holds(s.out, k, i) {
			continue // rg --pre /tmp/x.sh: the string names the file only to run it
		}
		if (own != name || s.trusting) && (c.Name == "cd" || c.Name == "pushd") {
			continue // cd ~/Downloads/tool: moved there, bringing nothing
		}
		reader := readsFileOnly(c) // cat FILE reads what it names: it brings nothing there
		for _, a := range c.Args {
			if reader {
				break
			}
			if strings.Contains(a, name) || own != name && s.key(a) == ownKey || inScratch(a) && strings.HasPrefix(name, strings.TrimSuffix(a, "/")+"/") {
				return // the file, or a directory of the line's own under the temporary one (cp -r scripts/ /tmp/scripts/)
			}
		}
		for _, r := range c.Redirects {
			if isWriteRedirect(r) && (s.key(r.Target) == key || s.key(r.Target) == ownKey) {
				return
			}
		}
	}
	if downloaded {
		s.markUnknown(i, "runs "+name+", a file downloaded into Downloads that nobody here has read")
		return
	}
	s.markUnknown(i, "runs "+name+", a file in a temporary directory anyone can write that the line did not write")
}

// wraps reports whether command c is one of the wrappers command inner was
// found behind (poetry run python /tmp/x.py: poetry's words hold python's,
// and write nothing).
func wraps(c, inner *Command) bool {
	if c.Pipeline != inner.Pipeline || c.Stage != inner.Stage || c.Depth != inner.Depth || len(c.Via) >= len(inner.Via) {
		return false
	}
	for k, v := range c.Via {
		if inner.Via[k] != v {
			return false
		}
	}
	return inner.Via[len(c.Via)] == c.Name
}

// codeFileOptions are, by program, the options whose value is a file of
// code the program loads that the catalogue does not mark as a file it
// runs (scratchExecWords reads those): a makefile (read, for its rules'
// recipes run), an R script, a pytest plugin, ssh's PKCS#11 library.
var codeFileOptions = table.Map[string, []string]{Words: "make gmake bmake r R pytest py.test ssh", Build: func() map[string][]string {
	return map[string][]string{
		"make": {"-f", "--file", "--makefile"}, "gmake": {"-f", "--file", "--makefile"}, "bmake": {"-f"},
		"r": {"-f", "--file"}, "R": {"-f", "--file"},
		"pytest": {"-p"}, "py.test": {"-p"},
		"ssh": {"-I"},
	}
}}

// sshCodeKeys are ssh options (-o KEY=VALUE) whose value is a library ssh
// loads.
var sshCodeKeys = [...]string{"pkcs11provider", "securitykeyprovider"}

// scratchCode marks the command at index i (words) when an option of its
// names code in a temporary directory the line did not write, or when a
// package manager installs a directory there (running its build scripts).
func (s *state) scratchCode(i int, name string, words []string) {
	if !namesScratch(words[1:]) {
		return // most commands: no temporary or downloaded file named
	}
	s.scratchExecWords(i, name, words)
	installs := name == "pip" || name == "pip3" || name == "uv" || name == "pipx"
	if !installs && !codeFileKeys.Get().mayHold(name) {
		return
	}
	opts, ok := codeFileOptions.Lookup(name)
	if !ok && !installs {
		return
	}
	var dests map[int]bool
	if installs {
		words = ownWords(name, words)
		dests = destinationWords(name, words)
	}
	for k := 1; k < len(words); k++ {
		w := words[k]
		for _, o := range opts {
			switch {
			case w == o && k+1 < len(words):
				s.runsScratch(i, words[k+1])
			case strings.HasPrefix(w, o+"=") && strings.HasPrefix(o, "--"):
				s.runsScratch(i, w[len(o)+1:])
			case len(o) == 2 && strings.HasPrefix(w, o) && len(w) > 2 && w[2] == '/':
				s.runsScratch(i, w[2:]) // -f/tmp/x.mk
			}
		}
		if name == "ssh" && strings.HasPrefix(w, "-o") {
			v := w[2:]
			if v == "" && k+1 < len(words) {
				v = words[k+1]
			}
			key, val, _ := strings.Cut(v, "=")
			for _, ck := range sshCodeKeys {
				if strings.EqualFold(strings.TrimSpace(key), ck) {
					s.runsScratch(i, strings.TrimSpace(val))
				}
			}
		}
		if installs && !strings.HasPrefix(w, "-") && inScratch(w) && !dests[k] {
			s.runsScratch(i, w) // its setup.py and build backend run
		}
	}
}

// namesScratch reports whether a word names a file in a temporary
// directory or a Downloads directory, anywhere in it (-f/tmp/x.mk,
// --file=/tmp/x.awk, ~/Downloads/x.gdb).
func namesScratch(words []string) bool {
	for _, w := range words {
		if wordNamesScratch(w) {
			return true
		}
	}
	return false
}

// wordNamesScratch reports whether w holds "/tmp/", "/dev/shm/" or
// "ownloads/". Each of the three holds a slash at a fixed place (the first
// byte of the first two, the last of the third), so one pass over w's
// slashes finds them all; a word without a slash, most of them, costs one
// byte scan instead of three substring searches.
func wordNamesScratch(w string) bool {
	for i := strings.IndexByte(w, '/'); i >= 0; {
		r := w[i:]
		if strings.HasPrefix(r, "/tmp/") || strings.HasPrefix(r, "/dev/shm/") || (i >= 8 && w[i-8:i] == "ownloads") {
			return true
		}
		j := strings.IndexByte(r[1:], '/')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return false
}

// scratchExecWords marks the command at index i when a word the catalogue
// says the program runs as code (gdb -x FILE, awk -f FILE, vim -S FILE,
// python3 -m pickle FILE: the "exec" role) is a file in a temporary or
// Downloads directory that the line did not write.
func (s *state) scratchExecWords(i int, name string, words []string) {
	cat := catalog.Default()
	entry, args := cat.ModuleProgram(name, words[1:]) // python3 -m pickle FILE: python-pickle's FILE
	if !cat.Known(entry) {
		return
	}
	// The words are classified into the state's scratch array, kept from
	// line to line (Classify would make one each time), unless the
	// command is long: ClassifyInto wants room for twice its words.
	var buf []catalog.Word
	n := 2 * len(args)
	if n <= maxClassWords {
		if cap(s.classWords) < maxClassWords {
			s.classWords = make([]catalog.Word, maxClassWords)
		}
		buf = s.classWords[:0]
	}
	for _, w := range cat.ClassifyInto(buf, entry, args).Words {
		if w.Role == catalog.Exec {
			s.runsScratch(i, w.Text)
		}
	}
	if buf != nil {
		clear(s.classWords[:n]) // let go of the words' text
	}
}

// maxClassWords is the room of the state's scratch array for classified
// words (state.classWords): a command of up to half as many words.
const maxClassWords = 32

// ownWords cuts a package manager's words at the command it runs (uv run
// jupyter nbconvert … --output /tmp/x.ipynb, pipx run … ): the words from
// there on are that command's, judged as its own command, not packages
// the manager installs. Its own options before (uv run --with /tmp/pkg)
// stay.
func ownWords(name string, words []string) []string {
	cl := catalog.Default().Classify(name, words[1:])
	for _, w := range cl.Words {
		if w.Role == catalog.Command && w.Option == "" {
			return words[:w.Index+1]
		}
	}
	return words
}

// destinationWords gives the indices in words of the values of a package
// manager's options that name where it writes (pip install --target DIR,
// --cache-dir DIR, pip download -d DIR): a directory it fills is not a
// package whose build scripts it runs.
func destinationWords(name string, words []string) map[int]bool {
	var out map[int]bool
	cl := catalog.Default().Classify(name, words[1:])
	for _, w := range cl.Words {
		if w.Option == "" || w.Role != catalog.Write && w.Role != catalog.Dest {
			continue
		}
		if out == nil {
			out = map[int]bool{}
		}
		out[w.Index+1] = true
	}
	return out
}
