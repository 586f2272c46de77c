package shell

import "strings"

// Files node loads before its script: the values of --require (-r),
// --import, --loader and --experimental-loader on its command line. (The
// same in NODE_OPTIONS assigned before a command is not read here yet: the
// walk records a command's assignments after its words.) A preload is run as
// the script is: a file the line wrote or downloaded there is judged as
// one run. A module's name (-r dotenv/config, --import tsx) is a package
// of the project's, not a file.

// preloadOptions are node's options whose value is a module it loads
// first.
var preloadOptions = [...]string{"-r", "--require", "--import", "--loader", "--experimental-loader"}

// preloads runs, as files, the preloads node is given on its command line.
func (s *state) preloads(f frame, name string, words []string) {
	if unversioned(name) != "node" {
		return
	}
	for _, v := range preloadValues(words[1:], nil) {
		s.runsCodeFile("js", v, f) // loadfiles.go: -r /tmp/h finds /tmp/h.js
	}
}

// preloadValues appends the values of the preload options among words.
func preloadValues(words, out []string) []string {
	for i := 0; i < len(words); i++ {
		w := words[i]
		if w == "--" {
			break
		}
		for _, o := range preloadOptions {
			if w == o && i+1 < len(words) {
				out = append(out, words[i+1])
				i++
				break
			}
			if v, ok := strings.CutPrefix(w, o+"="); ok && strings.HasPrefix(o, "--") {
				out = append(out, v)
				break
			}
		}
	}
	return out
}

// preloadFile reports a preload that names a file (./x.js, /tmp/h.cjs,
// ../l.mjs, file:///tmp/l.mjs), not a package (dotenv/config, tsx).
func preloadFile(v string) bool {
	v = strings.TrimPrefix(v, "file://")
	return strings.HasPrefix(v, "./") || strings.HasPrefix(v, "../") || strings.HasPrefix(v, "/") || strings.HasPrefix(v, "~/")
}
