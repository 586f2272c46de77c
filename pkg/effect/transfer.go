package effect

import (
	"slices"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// File-transfer clients (ftp, tftp, lftp, sftp, smbclient) take commands
// in their own language, in an option (-c, -e), a here-string or a
// here-document: "put FILE", "mput FILES", "append FILE" and "send FILE"
// upload the local files they name (with -r, or lftp's mirror -R, the
// directories whole). A catalogue entry marks such a client
// with transfer-lang. Commands reach it the same way through its standard
// input (echo 'put F' | sftp HOST) or a batch file the line wrote
// (sftp -b FILE).

// uploadVerbs are the transfer commands whose operands are local files sent.
var uploadVerbs = table.Map[string, bool]{Words: "put reput mput append send"}

// transferUploads reports the local files a client's transfer commands
// send, as reads sent to the hosts its words name.
func (a *analysis) transferUploads(i int, c *shell.Command, f *cmdFacts) {
	found := false
	scan := func(t string) {
		if !mayUpload(t) {
			return // most words hold no transfer command: nothing allocated
		}
		local := ""        // the local directory an lcd before set, for the relative names after it
		recurseOn := false // smbclient's recurse: mput sends the directories it names whole
		for _, stmt := range strings.FieldsFunc(t, func(r rune) bool { return r == ';' || r == '\n' }) {
			fs := strings.Fields(stmt)
			verb := ""
			if len(fs) >= 2 {
				verb = strings.ToLower(fs[0])
			}
			if len(fs) > 0 && strings.EqualFold(fs[0], "recurse") {
				recurseOn = len(fs) == 1 || !strings.EqualFold(fs[1], "off")
				continue
			}
			if verb == "lcd" {
				// lcd ~; put .aws/credentials: the names after it are
				// under the directory it names
				local = a.clean(localName(local, fs[1]), i)
				continue
			}
			recursive := verb == "mirror" && (slices.Contains(fs, "-R") || slices.Contains(fs, "--reverse")) || recurseOn && verb == "mput"
			if !recursive && !uploadVerbs.Get(verb) {
				continue
			}
			for _, w := range fs[1:] {
				if strings.HasPrefix(w, "-") {
					// put -r DIR, mput -R DIRS: the directories whole
					recursive = recursive || strings.Trim(w, "-rR") == "" || strings.Contains(w[1:], "r") && !strings.HasPrefix(w, "--")
					continue
				}
				if w == "-" || stdinPath(w) {
					f.sendsIn = true // put /dev/stdin NAME: what the client reads goes out
					found = true
					break
				}
				p := a.clean(localName(local, w), i)
				a.add(Effect{Kind: Read, Cmd: i, Path: p})
				f.reads, f.sends = append(f.reads, p), append(f.sends, p)
				found = true
				if recursive && f.source == "" && a.sensitiveDir(p) {
					f.source, f.tree = "home-archive", true // a credential directory sent whole
				}
				if verb != "mput" {
					break // put LOCAL [REMOTE]: the first operand is the local file
				}
			}
		}
	}
	for k, w := range c.Args {
		if uploadVerbs.Get(strings.ToLower(w)) && k+1 < len(c.Args) {
			// tftp HOST -c put FILE: the command is the words after -c.
			scan(w + " " + c.Args[k+1])
			continue
		}
		scan(w)
		if t, ok := a.fileText(w); ok {
			scan(t) // sftp -b FILE, lftp -f FILE: a batch file the line wrote
		}
	}
	for _, r := range c.Redirects {
		if r.Op == "<<<" || r.Op == "<<" || r.Op == "<<-" {
			scan(r.Target)
		}
	}
	for _, t := range c.Stdin {
		scan(t) // echo 'put F' | sftp HOST: what reaches its input
	}
	if found && f.sink == "" {
		f.sink = "network"
		f.hosts = append(f.hosts, remoteWords(c)...)
	}
}

// localName is the local name w in the directory dir an lcd set (none: w
// as given, relative to the working directory).
func localName(dir, w string) string {
	if dir == "" || strings.HasPrefix(w, "/") || strings.HasPrefix(w, "~") || strings.HasPrefix(w, "$") {
		return w
	}
	return strings.TrimSuffix(dir, "/") + "/" + w
}

// mayUpload reports whether text can hold an upload command.
func mayUpload(t string) bool {
	if strings.Contains(t, "mirror") {
		return true
	}
	for v := range uploadVerbs.All() {
		if strings.Contains(t, v) || strings.Contains(t, strings.ToUpper(v)) {
			return true
		}
	}
	return false
}
