package shell

import "strings"

// A filter that writes its output to a file it is told of, not to its
// standard output: sort -o F, shuf -o F, iconv -o F, uniq IN OUT. What it
// writes there is what it makes of its input (echo 'LD_PRELOAD=…' | sort
// -o "$GITHUB_ENV"), so the walk records or shows that text in the file
// as it does for a redirection.

// shortArgOpts are the short options of sort, shuf and iconv, other than
// -o, that take a word (sort -k 2 -t , -S 1G -T DIR, shuf -n 3 -i 1-9,
// iconv -f A -t B).
const shortArgOpts = "ktSTnif"

// filterOutputs gives the files a filter writes its output to (inner is
// the command's words, its name first), or nil.
func filterOutputs(name string, inner []string) []string {
	switch name {
	case "sort", "gsort", "shuf", "iconv":
		var out []string
		for k := 1; k < len(inner); k++ {
			w := inner[k]
			switch {
			case w == "--":
				return out
			case w == "-o" || w == "--output":
				if k+1 < len(inner) {
					out = append(out, inner[k+1])
					k++
				}
			case strings.HasPrefix(w, "--output="):
				out = append(out, w[len("--output="):])
			case len(w) > 1 && w[0] == '-' && w[1] != '-':
				// a cluster of short options (-uo F, -uoF): the file
				// follows o, unless an option taking a word (-k, -t)
				// comes first
				for j := 1; j < len(w); j++ {
					if w[j] == 'o' {
						if j+1 < len(w) {
							out = append(out, w[j+1:])
						} else if k+1 < len(inner) {
							out = append(out, inner[k+1])
							k++
						}
						break
					}
					if strings.IndexByte(shortArgOpts, w[j]) >= 0 {
						if j+1 == len(w) {
							k++ // its word is the next one
						}
						break
					}
				}
			}
		}
		return out
	case "uniq", "guniq":
		ops := 0
		for k := 1; k < len(inner); k++ {
			w := inner[k]
			if w == "-f" || w == "-s" || w == "-w" {
				k++ // (a count: -f 2)
				continue
			}
			if w == "-" || !strings.HasPrefix(w, "-") {
				ops++
				if ops == 2 {
					return []string{w}
				}
			}
		}
	}
	return nil
}
