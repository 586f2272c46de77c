package shell

import (
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
)

// A file the line wrote with known text and then edited in place by sed
// -i no longer holds that text: printf 'rn -rf ~' > t; sed -i 's/rn/rm/'
// t; bash t runs what sed made of it. sed's substitutions the walk
// understands (sedText) are applied to the text; any other sed program
// leaves it unknown, so that what runs it later is code nobody saw. (An
// editor whose program names the file, perl -pi -e '…' t, is one of the
// writers forgetWritten lets the text go for.)

// inPlaceEdit updates the texts of the files the line wrote that the
// command words, a sed, edits in place.
func (s *state) inPlaceEdit(name string, words []string) {
	if len(s.files) == 0 || len(words) < 2 || name != "sed" && name != "gsed" {
		return // most lines wrote no file: nothing to look up
	}
	var hit, keys []string // the words naming written files, and those files' keys
	for _, w := range words[1:] {
		if strings.HasPrefix(w, "-") {
			continue
		}
		if _, ok := s.files[s.key(w)]; ok {
			hit, keys = append(hit, w), append(keys, s.key(w))
		} else if strings.ContainsAny(w, "*?[") {
			// sed -i … t.* or *.sh: the shell hands sed every file the
			// pattern matches, the ones the line wrote among them
			pat, n := s.key(w), len(keys)
			for k := range s.files {
				if m, _ := path.Match(pat, k); m {
					keys = append(keys, k)
				}
			}
			if len(keys) > n {
				hit = append(hit, w)
			}
		}
	}
	if len(hit) == 0 {
		return
	}
	if cl := catalog.Default().Classify(name, words[1:]); !cl.Mark("inplace") {
		return
	}
	script := sedScript(words[1:], hit)
	for _, k := range keys {
		if t, ok := sedText(script, s.files[k]); ok {
			s.files[k] = t
			continue
		}
		s.markOpaque(k)
	}
}

// sedScript returns sed -i's words as sedText reads a filter's: without
// the in-place option (alone, or last in a cluster of flags: -Ei) and the
// files it edits.
func sedScript(args, files []string) []string {
	out := make([]string, 0, len(args))
	for _, a := range args {
		if a == "-i" || strings.HasPrefix(a, "-i") && !strings.HasPrefix(a, "--") || strings.HasPrefix(a, "--in-place") {
			continue
		}
		if k := strings.IndexByte(a, 'i'); k > 1 && a[0] == '-' && a[1] != '-' && !strings.ContainsAny(a[:k], "ef") {
			a = a[:k] // -Ei, -ni.bak: the flags before i; what follows it is the backup's suffix
		}
		edited := false
		for _, f := range files {
			edited = edited || a == f
		}
		if !edited {
			out = append(out, a)
		}
	}
	return out
}
