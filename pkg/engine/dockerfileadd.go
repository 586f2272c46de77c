package engine

import (
	"encoding/json"
	"net/url"
	"path"
	"strings"
)

// A Dockerfile's ADD of a URL downloads it into the image as the build
// reads the file (ADD https://host/setup.sh /tmp/setup.sh), and the RUN
// instructions after it run in that image: a RUN of what ADD fetched is
// a download run, written in two instructions. dockerfileRuns puts the
// downloads an ADD makes before each later RUN, spelled as the curl that
// does the same, so the RUN is judged with the file it runs fetched.

// dockerAddFetch returns the command line that does what the ADD
// instruction l (its fields f) fetches from the network, or "" when it
// fetches nothing (ADD of the build context's files or archives).
func dockerAddFetch(l string, f []string) string {
	if len(f) < 3 || !strings.EqualFold(f[0], "ADD") {
		return ""
	}
	rest := strings.TrimSpace(l[len(f[0]):])
	mode := ""
	for strings.HasPrefix(rest, "--") {
		flag, after, _ := strings.Cut(rest, " ")
		if m, ok := strings.CutPrefix(flag, "--chmod="); ok {
			mode = m
		}
		rest = strings.TrimSpace(after)
	}
	var args []string
	if strings.HasPrefix(rest, "[") {
		if json.Unmarshal([]byte(rest), &args) != nil {
			return ""
		}
	} else {
		args = strings.Fields(rest)
	}
	if len(args) < 2 {
		return ""
	}
	dest := args[len(args)-1]
	var b strings.Builder
	for _, src := range args[:len(args)-1] {
		u, err := url.Parse(src)
		if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
			continue
		}
		to := dest
		if to == "." || strings.HasSuffix(to, "/") || len(args) > 2 {
			to = path.Join(to, path.Base(u.Path))
		}
		if b.Len() > 0 {
			b.WriteString(" && ")
		}
		b.WriteString("curl -fsSL -o " + shellQuote(to) + " " + shellQuote(src))
		if mode != "" {
			b.WriteString(" && chmod " + shellQuote(mode) + " " + shellQuote(to))
		}
	}
	return b.String()
}
