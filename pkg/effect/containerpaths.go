package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
)

// A container's command works on the container's own files, which nobody
// here judges, except where a host directory is mounted into it: "docker
// run -v ~/.aws:/a alpine cat /a/credentials" reads the host's
// ~/.aws/credentials. A word of the container's command (or a path inside
// a word, as in sh -c '... /a/credentials ...') that lies under a mount's
// target is judged as a read of the host file it names.

// containerReads reports the host files a container's command names
// through the volumes mounted into it.
func (a *analysis) containerReads(i int, cl *catalog.Classified, f *cmdFacts) {
	type bind struct{ src, dst string }
	var binds []bind
	image := -1
	for _, w := range cl.Words {
		switch {
		case w.Role == catalog.Mount:
			parts := strings.Split(volumeSpec(w.Text), ":")
			if len(parts) < 2 || parts[0] == "" || !strings.HasPrefix(parts[1], "/") {
				continue
			}
			src := parts[0]
			if !(strings.HasPrefix(src, "/") || strings.HasPrefix(src, "~") || strings.HasPrefix(src, ".") || strings.HasPrefix(src, "$")) {
				continue // a named volume
			}
			binds = append(binds, bind{a.clean(src, i), path.Clean(parts[1])})
		case w.Option == "" && (image < 0 || w.Index < image):
			image = w.Index // the first operand; the words are not in order
		}
	}
	if len(binds) == 0 || image < 0 {
		return
	}
	seen := map[string]bool{}
	for _, w := range cl.Words {
		if w.Index <= image {
			// (after the image, an option and its value are the
			// container command's: sh -c 'CMD')
			continue
		}
		for _, tok := range pathTokens(w.Text) {
			for _, b := range binds {
				rest, ok := strings.CutPrefix(tok, b.dst)
				if !ok || rest != "" && rest[0] != '/' && b.dst != "/" {
					continue
				}
				p := path.Clean(b.src + "/" + rest)
				if seen[p] {
					continue
				}
				seen[p] = true
				a.add(Effect{Kind: Read, Cmd: i, Path: p, Detail: "container"})
				f.reads = append(f.reads, p)
			}
		}
	}
}

// pathTokens returns the absolute paths written in a word: the word
// itself, or the parts of a command string between blanks, quotes and the
// shell's operators.
func pathTokens(w string) []string {
	var out []string
	for _, t := range strings.FieldsFunc(w, func(r rune) bool {
		return strings.ContainsRune(" \t\n'\"`;|&<>()=,", r)
	}) {
		if strings.HasPrefix(t, "/") {
			out = append(out, path.Clean(t))
		}
	}
	return out
}
