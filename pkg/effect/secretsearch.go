package effect

import (
	"slices"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
)

// A search for credentials across a home or the system's directories: a
// recursive content search (grep -r, rg, ag, ack, an agent's Grep tool)
// whose pattern names secret material (a private key's header, a password,
// a secret access key, a token's prefix) and whose root is a home itself,
// a directory above it, a home's top settings trees (~/.config, ~/.local)
// or a system directory (/etc, /var, /opt, /srv, /root, /mnt). It prints
// whatever secrets it finds into the agent's context, wherever they were
// kept, by a name no list knows: the flow secret-search->agent. The same
// search of a project or one of its directories is everyday work (finding
// where code reads a password), and so is a search of a home for words
// that name no secret.

// secretPatternWords are the words (a pattern's letters and digits, split
// at everything else, lower-cased) that name secret material.
var secretPatternWords = table.Map[string, bool]{Words: `password passwords passwd secret secrets apikey apikeys token tokens
		credential credentials bearer akia sk_live rk_live ghp gho ghs glpat xoxb xoxp xoxa mnemonic privkey
		private_key secret_key secretkey client_secret access_key accesskey auth_token authtoken api_token
		passphrase dbpassword db_password key keys`}

// secretPatternPhrases are the runs of words that name secret material
// only together (api key, private key, secret access key).
var secretPatternPhrases = []string{"private key", "api key", "access key", "secret key", "auth token", "access token", "client secret", "sk live", "pgp private", "begin openssh", "begin rsa", "begin ec", "begin dsa", "begin encrypted", "seed phrase", "recovery phrase"}

// SecretPattern reports whether a search pattern names secret material:
// "BEGIN OPENSSH PRIVATE KEY", "aws_secret_access_key", "(?i)api[_-]?key",
// "password\s*=", "AKIA[0-9A-Z]{16}", "sk_live_".
func SecretPattern(p string) bool {
	if p == "" || len(p) > 1024 {
		return false
	}
	l := strings.ToLower(p)
	if strings.Contains(l, "[") {
		l = oneCharClasses(l) // P[R]IVATE: PRIVATE
	}
	if strings.Contains(l, `\`) {
		// a regex's escape (\b, \s, \w, \d) is no part of a word:
		// \bsk_live is sk_live
		var b strings.Builder
		for i := 0; i < len(l); i++ {
			if l[i] == '\\' && i+1 < len(l) {
				b.WriteByte(' ')
				i++
				continue
			}
			b.WriteByte(l[i])
		}
		l = b.String()
	}
	words := strings.FieldsFunc(l, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_')
	})
	for _, w := range words {
		if secretPatternWords.Get(w) {
			return true
		}
		// aws_secret_access_key, db_password, STRIPE_SECRET_KEY: a
		// variable's name made of parts, one of which names a secret
		if strings.Contains(w, "_") {
			parts := strings.Split(w, "_")
			for k, part := range parts {
				if secretPatternWords.Get(part) || k+1 < len(parts) && secretPatternWords.Get(part+"_"+parts[k+1]) {
					return true
				}
			}
			if strings.HasPrefix(w, "sk_live") || strings.HasPrefix(w, "rk_live") || strings.HasPrefix(w, "npm_") {
				return true
			}
		}
	}
	joined := " " + strings.Join(splitUnderscores(words), " ") + " "
	for _, ph := range secretPatternPhrases {
		if strings.Contains(joined, " "+ph+" ") || strings.Contains(joined, " "+strings.ReplaceAll(ph, " ", "")+" ") {
			return true
		}
	}
	return false
}

// oneCharClasses replaces a regex's class of one character ([r], [_])
// with the character, which is what it matches.
func oneCharClasses(l string) string {
	var b strings.Builder
	for i := 0; i < len(l); i++ {
		if l[i] == '[' && i+2 < len(l) && l[i+2] == ']' && l[i+1] != '^' && l[i+1] != '\\' {
			b.WriteByte(l[i+1])
			i += 2
			continue
		}
		b.WriteByte(l[i])
	}
	return b.String()
}

// splitUnderscores splits each word at its underscores (api_key: api key).
func splitUnderscores(words []string) []string {
	var out []string
	for _, w := range words {
		for _, p := range strings.Split(w, "_") {
			if p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// broadRootDirs are the system directories a search of which is a search
// of the machine's services' settings and data, not a project's.
var broadRootDirs = table.Map[string, bool]{Words: `/ /etc /var /var/lib /opt /srv /root
	/mnt /media /home /Users /usr/local/etc /data
	/var/backups /private /private/etc /backup /backups`}

// BroadSearchRoot reports whether a cleaned directory is a home, a
// directory above one, a home's top settings tree (~/.config, ~/.local,
// ~/.local/share, ~/Library) or a system directory (broadRootDirs): a
// search there reaches every tool's and service's stored secrets.
func BroadSearchRoot(dir, home string) bool {
	dir = strings.TrimSuffix(dir, "/")
	if dir == "" {
		dir = "/"
	}
	if broadRootDirs.Get(dir) {
		return true
	}
	if home == "" {
		return false
	}
	home = strings.TrimSuffix(home, "/")
	if dir == home || strings.HasPrefix(home, dir+"/") {
		return true
	}
	switch strings.TrimPrefix(dir, home) {
	case "/.config", "/.local", "/.local/share", "/Library", "/Library/Application Support", "/Documents", "/Downloads", "/Desktop",
		"/Dropbox", "/OneDrive", "/Google Drive", "/Nextcloud", "/Sync", "/backup", "/backups", "/Backups", "/mnt", "/.var/app", "/snap":
		return true
	}
	return false
}

// RunnerLogs reports whether the cleaned path p is a self-hosted CI
// runner's diagnostic logs or one of them (actions-runner/_diag): the
// runner and its workers log every job's messages there, the job's token
// and its secrets' values among them, so a search of them for secret
// material is a search for other jobs' credentials.
func RunnerLogs(p string) bool {
	i := strings.Index(p, "/_diag")
	if i <= 0 || len(p) > i+6 && p[i+6] != '/' {
		return false
	}
	parent := p[:i]
	return strings.HasPrefix(parent[strings.LastIndexByte(parent, '/')+1:], "actions-runner")
}

// recursiveSearchers are the content searches that walk a tree without
// being asked to.
var recursiveSearchers = table.Map[string, bool]{Words: "rg ag ack ack-grep pt sift ripgrep"}

// secretSearches adds the flow secret-search->agent for each recursive
// content search of a broad root whose pattern names secret material.
func (a *analysis) secretSearches() {
	cmds := a.res.Commands
	for i := range cmds {
		c := &cmds[i]
		if c.Name == "" || len(c.Args) < 2 {
			continue
		}
		grepLike := recursiveSearchers.Get(c.Name)
		switch c.Name {
		case "grep", "egrep", "fgrep", "zgrep", "ugrep", "ug", "bsdgrep", "ggrep":
			// find ~ -exec grep …, find ~ | xargs grep …: the walk is find's
			grepLike = recursiveFlag(c.Args) || slices.ContainsFunc(c.Via, func(v string) bool { return v == "find" || v == "fd" || v == "fdfind" || v == "xargs" })
		}
		if !grepLike {
			continue
		}
		cl := a.cat.Classify(c.Name, c.Args)
		pattern, roots := "", []string{}
		for _, w := range cl.Words {
			switch {
			case w.Option == "-f" || w.Option == "--file":
				// patterns kept in a file (grep -rf pats.txt ~): what they
				// look for is not seen, and over a home it is judged as
				// the worst it may be
				pattern = "secret"
			case w.Option != "" && w.Role == catalog.Data && (w.Option == "-e" || w.Option == "--regexp"):
				pattern = w.Text
			case w.Option == "" && w.Role == catalog.Data && pattern == "":
				pattern = w.Text
			case w.Option == "" && w.Role == catalog.Read && pattern == "secret":
				roots = append(roots, w.Text)
			case w.Option == "" && w.Role == catalog.Read:
				roots = append(roots, w.Text)
			}
		}
		if !SecretPattern(pattern) {
			continue
		}
		for _, r := range roots {
			if p := a.clean(r, i); BroadSearchRoot(p, a.env.Home) || RunnerLogs(p) {
				a.add(Effect{Kind: Flow, Cmd: i, Detail: "secret-search->agent", Word: c.Name + " " + pattern + " over " + p})
				break
			}
		}
	}
}

// recursiveFlag reports a grep's -r, -R, --recursive or a run of short
// flags holding one (-rn, -Rni).
func recursiveFlag(args []string) bool {
	for _, w := range args {
		if w == "--" {
			return false
		}
		if w == "--recursive" || w == "--dereference-recursive" || w == "-d=recurse" || w == "--directories=recurse" {
			return true
		}
		if len(w) > 1 && w[0] == '-' && w[1] != '-' && strings.ContainsAny(w[1:], "rR") && !strings.ContainsAny(w[1:], "=0123456789efmABC") {
			return true
		}
	}
	return false
}
