package effect

import (
	"path"
	"slices"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// words turns a command's words into effects by their catalogue roles.
func (a *analysis) words(i int, c *shell.Command, f *cmdFacts, cl *catalog.Classified) {
	e := cl.Entry
	if e == nil {
		a.handedSQL(i, c) // handedsql.go
	}
	// props: whether e may have properties at all (catalog.Entry.HasProps),
	// tested once here before each of the many Has asks below.
	props := e != nil && e.HasProps()
	recursive := cl.Mark("recursive")
	if c.Name == "chmod" {
		a.chmodReference(i, cl, recursive) // modes.go
	}
	if e != nil {
		if s := e.Prop("sink"); s != "" && (s != "clipboard" || setsClipboard(c, cl)) {
			f.sink = s // a redirection into a connection (redirects) made it one already
		}
		if m := e.Prop("sink-marks"); m != "" && f.sink == "" && cl.Mark(m) {
			// logger -n HOST: it sends only under the option that names
			// another machine (without, to this machine's journal)
			f.sink = "network"
		}
		f.sendsIn = e.Prop("stdin") == "upload"
		f.argSend = e.Prop("argsend") != ""
		if e.Prop("sink") == "dns" {
			f.argSend = true
		}
		// A name lookup, an echo or a route trace, a port probe: the hosts
		// it names are contacted without a request for anything they keep.
		f.probes = e.Prop("sink") == "dns" || props && e.Has("probes") || cl.Mark("probe")
		if e.Prop("destroys") != "" && cl.Positional > 0 {
			recursive = true
		}
	}
	if cl.Mark("finddelete") {
		a.findDeletes(i, cl)
	}
	a.hostAdmin(i, c, e, cl)                  // admin.go
	a.quarantineOff(i, c)                     // quarantine.go
	a.attaches(i, e, cl)                      // attach.go
	a.coredumpOfHolder(i, c)                  // holdermemory.go
	a.windowsStores(i, e, cl)                 // winstores.go
	a.xargsDeletesUnread(i, c, cl, recursive) // xargsin.go
	if c.Name == "sed" || c.Name == "gsed" {
		// sed 'r FILE': FILE is read into the output (sededit.go)
		for _, name := range sedReadFiles(c.Args) {
			p := a.clean(name, i)
			a.add(Effect{Kind: Read, Cmd: i, Path: p})
			f.reads = append(f.reads, p)
		}
	}
	if cl.Mark("extract") || props && e.Has("unpacks") {
		// tar -x, unzip with no -C or -d: into the working directory.
		into := false
		for _, w := range cl.Words {
			into = into || w.Role == catalog.Cd || w.Role == catalog.Dest
		}
		if !into {
			cwd := a.env.Cwd
			if i < len(a.cwds) && a.cwds[i] != "" {
				cwd = a.cwds[i]
			}
			a.extractsOver(i, cwd)
		}
	}
	fetcher := e != nil && e.Prop("fetcher") != ""
	if e != nil && e.Prop("sql-stdin") != "" {
		for _, t := range c.Stdin {
			a.add(Effect{Kind: SQL, Cmd: i, Target: t})
		}
		for _, r := range c.Redirects {
			if r.Op == "<" {
				if text, ok := a.fileText(r.Target); ok {
					a.add(Effect{Kind: SQL, Cmd: i, Target: text})
				}
			}
		}
		// mysql -e 'source F', sqlite3 '.read F', psql -c '\i F'.
		for _, w := range cl.Words {
			if w.Role != catalog.SQL {
				continue
			}
			for _, kw := range []string{"source ", ".read ", "\\i ", "\\include "} {
				if rest, ok := strings.CutPrefix(strings.TrimSpace(w.Text), kw); ok {
					if text, ok := a.fileText(strings.Trim(strings.TrimSpace(rest), ";'\"")); ok {
						a.add(Effect{Kind: SQL, Cmd: i, Target: text})
					}
				}
			}
		}
	}
	if e != nil && e.Prop("commands-stdin") != "" {
		// echo "delete volume=Full-0001 yes" | bconsole (stdincommands.go)
		for _, t := range c.Stdin {
			a.stdinCommands(i, c.Name, t)
		}
	}
	if e != nil && e.Prop("sql-words") != "" {
		// redis-cli SLAVEOF 203.0.113.7 6379: one command, its words
		// given one by one, judged whole as well as word by word
		var cmd []string
		for _, w := range cl.Words {
			if w.Role == catalog.SQL && w.Option == "" {
				cmd = append(cmd, w.Text)
			}
		}
		if len(cmd) > 1 {
			a.add(Effect{Kind: SQL, Cmd: i, Target: strings.Join(cmd, " ")})
		}
	}
	a.codeStores(i, c) // codestores.go
	if e != nil && e.Prop("mailer") != "" {
		a.mailsPeople(i, c, cl) // mailpeople.go
	}
	if e != nil && e.Prop("sql-stdin") != "" && c.Stage > 0 && viaXargs(c) && a.deletesEveryKey(i, c) {
		// redis-cli --scan --pattern '*' | xargs redis-cli del: every key
		// the scan lists is deleted, as FLUSHDB would.
		a.add(Effect{Kind: SQL, Cmd: i, Target: "FLUSHDB"})
	}
	if len(c.Stdin) > 0 && c.Is(rawClientKind) && textPort(c.Args) {
		// printf 'FLUSHALL\r' | nc cache 6379: the text a raw client
		// sends to a text-protocol database port is its statements.
		for _, t := range c.Stdin {
			a.add(Effect{Kind: SQL, Cmd: i, Target: t})
		}
	}
	if props && cl.Positional == 0 {
		if m := e.Prop("bare-deletes"); m != "" && (cl.Mark(m) || a.destroyedBySetting(i, e.Prop("destroy-settings"))) {
			// git clean -f: what is not tracked in the directory it runs in,
			// which its -C options name (git -C /tmp/x clean -f)
			dir := optionDir(cl)
			if t := a.pwdWord(dir, i); tailUnresolved(t) && unresolved(t) && !nameSafeTail(t) { // nametail.go
				// git -C "$TARGET" clean -fdx: a directory nobody here can name
				a.add(Effect{Kind: Unknown, Cmd: i, Detail: "delete-target", Word: dir})
			}
			a.add(Effect{Kind: Delete, Cmd: i, Path: a.clean(dir, i), Recursive: recursive || e.Has("dirs")})
		}
	}
	fileURIs := props && e.Has("file-uris")
	if e != nil && e.Prop("prompt-files") != "" {
		for _, t := range c.Stdin {
			// echo "summarize @~/.ssh/id_rsa" | gemini, gemini <<< …: a
			// prompt read from standard input names its files the same way
			a.promptFiles(i, t, f) // promptfiles.go
		}
	}
	if e != nil && e.Prop("prompt-tasks") != "" {
		for _, t := range c.Stdin {
			a.promptTask(i, t, f) // prompttasks.go: claude -p <<< "…"
		}
	}
	edits := 0 // an in-place edit: 0 not yet known, 1 sed editing only, 2 other
	for _, w := range cl.Words {
		if fileURIs {
			// aws --payload fileb://F, --cli-input-json file://F (an
			// option the catalogue does not list leaves its value a
			// positional): the CLI reads F and sends what it holds.
			if rest, ok := strings.CutPrefix(w.Text, "fileb://"); ok || strings.HasPrefix(w.Text, "file://") {
				if !ok {
					rest = w.Text[len("file://"):]
				}
				p := a.clean(rest, i)
				a.add(Effect{Kind: Read, Cmd: i, Path: p})
				f.reads, f.sends = append(f.reads, p), append(f.sends, p)
			}
		}
		if props && e.Has("sends-local") && w.Option == "" && stdinPath(w.Text) {
			// scp /dev/stdin HOST:F, rsync /dev/stdin HOST:F: what it
			// reads on stdin is among what it sends.
			f.sendsIn = true
		}
		if w.Role == catalog.AtFile && unresolved(w.Text) && w.Option != "-H" && w.Option != "--header" && w.Option != "-b" && w.Option != "--cookie" {
			f.computedData = true
		}
		if w.Role == catalog.URL {
			// https://storage.googleapis.com/drop/x?t=$(gcloud auth
			// print-access-token): what the query holds is data the
			// host keeps (its owner's logs), not a login
			if q := strings.IndexByte(w.Text, '?'); q >= 0 && unresolved(w.Text[q:]) {
				f.computedQuery = true
			}
		}
		if strings.Contains(w.Text, "$") && secretVar(&shell.Command{Args: []string{w.Text}}) != "" {
			switch w.Option {
			case "-u", "--user", "-H", "--header", "--oauth2-bearer", "--password", "--http-password", "-a", "--auth",
				"-p", "--pass", "--token", "--api-key", "--auth-token":
				// A connection string (DATABASE_URL, REDIS_URI, SENTRY_DSN)
				// locates a service and logs in to it: it authenticates no
				// request to another, and in one it is data.
				f.secretAsData = f.secretAsData || locatorVar(secretVar(&shell.Command{Args: []string{w.Text}}))
			case "":
				q := strings.IndexByte(w.Text, '?')
				d := strings.IndexByte(w.Text, '$')
				header := props && e.Has("request-items") && headerItem(w.Text, d)
				f.secretAsData = f.secretAsData || q >= 0 && q < d || w.Role != catalog.URL && !inUserinfo(w.Text, d) && !header
				if k := w.Index - 1; k >= 0 && k < len(c.Args) && strings.HasPrefix(c.Args[k], "--") && !strings.Contains(c.Args[k], "=") {
					// aws sns publish --message "$T": an option the
					// catalogue does not list leaves its value a positional
					f.secretPublished = f.secretPublished || w.Role != catalog.URL && publishedOption(nil, c.Args[k], w.Text)
				}
			case "-c":
				// git -c http.extraHeader="Authorization: Bearer $T": a
				// header git sends with each request to the remote, as
				// curl -H sends one; any other setting carries it as data
				f.secretAsData = f.secretAsData || !gitHeaderSetting(c.Name, w.Text) || locatorVar(secretVar(&shell.Command{Args: []string{w.Text}}))
			default:
				f.secretAsData = true
				// a gist's content, an issue's body: published to the
				// service, not used by it (bodyfields.go)
				f.secretPublished = f.secretPublished || w.Role == catalog.AtFile && publishedSecret(w.Text) ||
					publishedOption(e, w.Option, w.Text)
			}
		}
		if w.Option == "-o" && c.Name == "ssh" {
			a.sshForwardOption(i, c, w.Text, f) // sshforward.go
		}
		switch w.Role {
		case catalog.Cd:
			// tar -C DIR, git -C DIR, make -C DIR: later words are
			// relative to DIR.
			if i < len(a.cwds) && !unresolved(w.Text) {
				a.cwds[i] = a.clean(w.Text, i)
				if cl.Mark("extract") {
					a.add(Effect{Kind: Write, Cmd: i, Path: a.cwds[i]})
					a.extractsOver(i, a.cwds[i])
				}
			}
		case catalog.Tunnel:
			if w.Option == "-w" && !tunDevices(w.Text) {
				continue // pdsh -R ssh -w web[1-4]: a fleet runner's host list, not ssh's tun devices
			}
			a.add(Effect{Kind: Tunnel, Cmd: i, Detail: "ssh", Word: c.Name + " " + w.Option + " " + w.Text})
			if w.Option == "-R" {
				a.forwardedSocket(i, w.Text, f) // sshforward.go
			}
		case catalog.Display:
			if h, _, _ := strings.Cut(w.Text, ":"); h != "" && !loopback(h) && h != "unix" {
				a.add(Effect{Kind: Flow, Cmd: i, Detail: "socket->shell", Word: c.Name + " opens a terminal on " + w.Text})
			}
		case catalog.Read, catalog.SQLFile:
			if w.Text == "-" || w.Text == "/dev/stdin" {
				continue
			}
			if props && e.Has("installs") && strings.Contains(w.Text, "://") {
				// pip install -r URL, conda -c URL: what to install comes
				// straight from a URL.
				a.add(Effect{Kind: RemoteCode, Cmd: i, Detail: "index", Word: w.Option + " " + w.Text})
				continue
			}
			if props && w.Role == catalog.Read && unshown(e.Prop("unshown-if"), cl) {
				continue // openssl rsa -check -noout -in KEY: the key is used, not shown
			}
			if w.Role == catalog.SQLFile {
				if text, ok := a.fileText(w.Text); ok {
					a.add(Effect{Kind: SQL, Cmd: i, Target: text})
				}
			}
			p := a.clean(w.Text, i)
			if (c.Name == "ln" || c.Name == "link") && w.Option == "" {
				p = a.symlinkTarget(i, c, w.Text, p) // links.go
			}
			if props && w.Option == "" && e.Has("rooted-members") && !strings.HasPrefix(w.Text, "/") && !strings.HasPrefix(w.Text, "~") {
				// borg extract REPO::ARCHIVE home/dev/.kube/config: an
				// archive's member named from the filesystem's root
				p = a.clean("/"+w.Text, i)
			}
			if props && w.Option == "" {
				if inner, ok := containerFile(w.Text, e.Prop("container-files")); ok {
					p = a.clean(inner, i) // containerfiles.go: lxc file pull web/etc/shadow -
				}
			}
			if edits == 0 && cl.Mark("inplace") {
				edits = 2
				if (c.Name == "sed" || c.Name == "gsed") && sedEditsOnly(c.Args) { // sededit.go
					edits = 1
				}
			}
			if edits == 1 && a.inProject(w.Text, i) {
				// sed -i 's/^PORT=.*/PORT=4000/' .env: an edit of a
				// project file whose text goes back into it, never out;
				// the write below is judged.
				a.add(Effect{Kind: Write, Cmd: i, Path: p})
				f.writes = append(f.writes, p)
				a.unresolvedTail(i, w.Text, Write, f) // named.go
				continue
			}
			// An archiver reads a directory it is given whole; a searcher
			// (rg, ag: "tree") reads it too, but for its hidden files
			// unless told to (Detail "search").
			ef := Effect{Kind: Read, Cmd: i, Path: p, Recursive: recursive || props && e.Has("archives")}
			if props && e.Has("tree") && !ef.Recursive {
				ef.Recursive = true
				if !searchesHidden(c.Args) {
					ef.Detail = "search"
				}
			}
			a.add(ef)
			f.reads = append(f.reads, p)
			a.unresolvedTail(i, w.Text, Read, f) // named.go
			if cl.Mark("removesource") || props && e.Has("removes-sources") {
				a.add(Effect{Kind: Delete, Cmd: i, Path: p, Recursive: true})
			}
			if cl.Mark("inplace") {
				// sed -i, perl -i: the files read are rewritten.
				a.add(Effect{Kind: Write, Cmd: i, Path: p})
				f.writes = append(f.writes, p)
			}
		case catalog.Write, catalog.Dest:
			if w.Text == "-" || w.Text == "/dev/null" || displayStream(w.Text) {
				continue
			}
			if w.Role == catalog.Write && w.Option == "" && cl.Mark("prints") {
				// vim -es -c '%print' FILE: the editor prints the file it
				// opens, which is read out as cat would.
				p := a.clean(w.Text, i)
				a.add(Effect{Kind: Read, Cmd: i, Path: p})
				f.reads = append(f.reads, p)
			}
			if w.Role == catalog.Dest && props && e.Has("unpacks") {
				a.extractsOver(i, a.clean(w.Text, i))
			}
			if uploadURL(w.Text) {
				a.toURL(i, w.Text, f)
				continue
			}
			if remote, ok := remoteSpec(w.Text); ok && !(props && e.Has("local")) {
				a.remote(i, remote, f)
				f.sends = append(f.sends, f.reads...)
				if cl.Mark("delete") {
					a.remoteMirrorDelete(i, c, cl, w.Text) // transferdeletes.go
				}
				continue
			}
			p := a.clean(w.Text, i)
			a.add(Effect{Kind: Write, Cmd: i, Path: p})
			f.writes = append(f.writes, p)
			a.unresolvedTail(i, w.Text, Write, f) // named.go
			if props && e.Has("opens") {
				// A database file is read as well as written.
				a.add(Effect{Kind: Read, Cmd: i, Path: p})
				f.reads = append(f.reads, p)
			}
			if (cl.Mark("delete") || cl.Mark("empty")) && a.unknownDeleteTarget(w.Text, i) {
				// rsync --delete … "$DEST/", truncate -s 0 "$F": what is
				// emptied is nobody knows where, as rm -rf "$DEST" (below)
				a.add(Effect{Kind: Unknown, Cmd: i, Detail: "delete-target", Word: w.Text})
			}
			if cl.Mark("delete") {
				// rsync --delete empties the destination of what the
				// source lacks: from an empty directory, all of it.
				a.add(Effect{Kind: Delete, Cmd: i, Path: p, Recursive: true})
			} else if cl.Mark("empty") {
				// truncate -s 0: what the file held is gone for good, as
				// a tree's delete leaves nothing, and the file is deleted
				// as a file too, for the rules that name files (a
				// project's secrets file)
				a.add(Effect{Kind: Delete, Cmd: i, Path: p, Recursive: true})
				a.add(Effect{Kind: Delete, Cmd: i, Path: p})
			}
		case catalog.Delete:
			if m := e.Prop("spares"); props && m != "" && cl.Mark(m) {
				break // git rm --cached: the index only
			}
			if props && e.Has("pathspecs") {
				w.Text = pathspecScope(w.Text) // pathspecs.go
			}
			if dir, ok := toolCachePath(w.Text); ok && !cacheSettingsChanged(a.res) {
				w.Text = dir // rm -rf "$(go env GOCACHE)": the tool's cache (cachepaths.go)
			}
			if a.unknownDeleteTarget(w.Text, i) {
				a.add(Effect{Kind: Unknown, Cmd: i, Detail: "delete-target", Word: w.Text})
			}
			p := a.clean(w.Text, i)
			if !(props && e.Has("destroys")) && a.isLink(w.Text, i) {
				// rm LINK removes the link, not what it leads to (links.go);
				// mkfs LINK formats what it leads to.
				links := a.links
				a.links = nil
				p = a.clean(w.Text, i)
				a.links = links
			}
			a.add(Effect{Kind: Delete, Cmd: i, Path: p, Recursive: recursive || props && e.Has("dirs") || props && e.Has("moves") && dirLike(p)})
			a.unresolvedTail(i, w.Text, Delete, f) // named.go
			if props && e.Has("moves") {
				f.reads = append(f.reads, p) // what is moved goes with it
			}
		case catalog.Chmod, catalog.Chown:
			p := a.clean(w.Text, i)
			ef := Effect{Kind: Chmod, Cmd: i, Path: p, Recursive: recursive}
			if w.Role == catalog.Chmod && opensToOthers(c.Name, cl) { // modes.go
				ef.Detail = "opens"
			}
			a.add(ef)
			if recursive && w.Role == catalog.Chmod && worldWritableTree(c.Name, cl) {
				// chmod -R 777 DIR: judged also as what it is, a tree
				// anyone on the machine may write (modes.go)
				a.add(Effect{Kind: Chmod, Cmd: i, Path: p, Recursive: true, Detail: "world-writable"})
			}
		case catalog.Exec:
			if strings.HasPrefix(w.Text, "<(") {
				// a process substitution: the walk judged what it prints
				// (awk -f <(echo '{…}') as code, <(cat f.awk) as f.awk,
				// gdb -x <(pbpaste) as code nobody can see)
				continue
			}
			if unresolved(w.Text) {
				a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: w.Text})
				continue
			}
			p := a.clean(w.Text, i)
			a.add(Effect{Kind: Exec, Cmd: i, Path: p})
			// The interpreter reads the script to run it, and its errors
			// quote the lines it cannot parse (ruby ~/.ssh/id_ed25519,
			// perl ~/.aws/credentials, awk -f KEY): a read as well.
			a.add(Effect{Kind: Read, Cmd: i, Path: p})
		case catalog.URL:
			if m := propOf(props, e, "url-globs"); m != "" && !cl.Mark(m) && !unresolved(w.Text) {
				// curl 'http://169.254.169.25[4]/': every URL the glob
				// makes is fetched.
				urls, complete := match.URLGlob(w.Text)
				for _, u := range urls {
					a.url(i, u, f)
				}
				if !complete {
					a.add(Effect{Kind: Unknown, Cmd: i, Detail: "host", Word: w.Text})
				}
				continue
			}
			a.url(i, w.Text, f)
		case catalog.Remote:
			a.remoteRead(i, cl, w) // remotepath.go: scp HOST:.ssh/id_rsa .
			if props && e.Has("sends-local") && tailUnresolved(w.Text) && unresolved(w.Text) {
				// scp "$SRC" host: / scp -r dir "$TARGET": what is sent, or
				// where, is built at run time.
				a.add(Effect{Kind: Unknown, Cmd: i, Detail: "remote", Word: w.Text})
				continue
			}
			if remote, ok := remoteSpec(w.Text); ok {
				a.remote(i, remote, f)
				if props && e.Has("sends-local") {
					f.sends = append(f.sends, f.reads...)
				}
			} else if props && e.Has("sends-local") {
				p := a.clean(w.Text, i)
				if localDest(cl, w) {
					// scp HOST:F LOCAL: the last operand, local, after a
					// remote one, is where the copy is written.
					a.add(Effect{Kind: Write, Cmd: i, Path: p})
					f.writes = append(f.writes, p)
					continue
				}
				a.add(Effect{Kind: Read, Cmd: i, Path: p, Recursive: recursive})
				f.reads = append(f.reads, p)
				a.unresolvedTail(i, w.Text, Read, f) // named.go
			} else if props && e.Has("bare-host") {
				a.remote(i, w.Text, f)
			}
		case catalog.Upload:
			if w.Text == "-" || w.Text == "/dev/stdin" || w.Text == "." {
				f.sendsIn = true
				continue
			}
			if strings.HasPrefix(w.Text, "{") && strings.HasSuffix(w.Text, "}") {
				// curl -T "{a,b}": curl's own list of files.
				for _, one := range strings.Split(w.Text[1:len(w.Text)-1], ",") {
					p := a.clean(one, i)
					a.add(Effect{Kind: Read, Cmd: i, Path: p, Recursive: true}) // a directory sends every file in it (croc send ~/.aws)
					f.reads, f.sends = append(f.reads, p), append(f.sends, p)
				}
				continue
			}
			p := a.clean(w.Text, i)
			a.add(Effect{Kind: Read, Cmd: i, Path: p, Recursive: true}) // a directory sends every file in it (croc send ~/.aws)
			f.reads = append(f.reads, p)
			f.sends = append(f.sends, p)
			a.unresolvedTail(i, w.Text, Read, f) // named.go
			if unresolved(w.Text) {
				a.add(Effect{Kind: Unknown, Cmd: i, Detail: "upload-source", Word: w.Text})
			}
		case catalog.AtFile:
			a.atFile(i, w, f)
		case catalog.SQL:
			if onlyExpansion(w.Text) {
				// psql -c "$MIGRATION_SQL": SQL nobody can read here.
				a.add(Effect{Kind: Unknown, Cmd: i, Detail: "sql", Word: w.Text})
			}
			a.add(Effect{Kind: SQL, Cmd: i, Target: w.Text})
		case catalog.Code:
			a.opaqueCode(i, c, e, w.Text, true)
			a.codeURLs(i, w.Text, f)
		case catalog.Resolve:
			// --resolve HOST:PORT:ADDR, --connect-to HOST:PORT:HOST2:PORT2:
			// the address actually contacted.
			// IPv6 addresses in brackets are one field (match/curl.go).
			for _, host := range match.CurlOptionHosts(w.Option, w.Text) {
				a.url(i, host, f)
			}
		case catalog.Package:
			// (go run golang.org/x/tools/cmd/stringer@latest: a module of
			// knownpackages.txt runs as its go install does, unseen.go)
			if remotePackageOf(e, w.Text) && !knownRepoURL(e, w.Text) && !pinnedByModule(e, c, w.Text) && !(gopkgOf(e) == "run" && knownGoModule(w.Text)) || a.downloadedEarlier(i, w.Text) {
				a.add(Effect{Kind: RemoteCode, Cmd: i, Detail: "package", Word: w.Text})
			}
		case catalog.Mount:
			a.mount(i, w.Text, f)
		case catalog.None:
			if sendsFileOption(unknownOption(c, w)) && pathShaped(w.Text) {
				// mytool --body-file .env URL, --attach KEY: the
				// option's name says the file's text is sent
				a.requestItem(i, "@"+w.Text, f) // requestitems.go
				continue
			}
			a.unknownWord(i, w.Text, f)
		case catalog.Data:
			if fetcher && strings.Contains(w.Text, "://") {
				a.url(i, w.Text, f)
			}
			if e != nil && e.Prop("prompt-files") != "" {
				a.promptFiles(i, w.Text, f) // gemini -p "… @path": promptfiles.go
			}
			if e != nil && e.Prop("prompt-tasks") != "" && (w.Option == "" || strings.Contains(w.Option, "prompt") || promptOption(e.Prop("prompt-options"), w.Option)) {
				a.promptTask(i, w.Text, f) // prompttasks.go
			}
			if e != nil && letterOption(w.Option) && e.Rest == catalog.Read && fileValue(w.Text) {
				// A reader's option taking a path for its value (cat -n
				// FILE where an implementation's -n takes a count, the
				// catalogue's arity and another version's differing): the
				// file may be what is read, and is judged as read. A
				// long option's arity is its name's (gpg's
				// --passphrase-file unlocks with the file, never shows it).
				p := a.clean(w.Text, i)
				a.add(Effect{Kind: Read, Cmd: i, Path: p})
				f.reads = append(f.reads, p)
			}
			if props && w.Option != "" && e.Has("value-writes") {
				// ssh-keygen -p -f KEY: with the mark, the option's file
				// is rewritten in place
				if m, opt, _ := strings.Cut(e.Prop("value-writes"), ":"); cl.Mark(m) && w.Option == opt && pathShaped(w.Text) {
					a.add(Effect{Kind: Write, Cmd: i, Path: a.clean(w.Text, i)})
				}
			}
			if e != nil && w.Option == "" {
				if props && e.Has("request-items") {
					a.requestItem(i, w.Text, f)
				}
				a.keyValue(i, e.Prop("kv"), w.Text, f)
				a.databaseFile(i, e.Prop("db-files"), w, cl, f)
				if props && e.Has("rev-paths") {
					a.revPath(i, w.Text, f)
				}
				if m := e.Prop("delete-if"); m != "" && cl.Mark(m) && pathShaped(w.Text) {
					a.add(Effect{Kind: Delete, Cmd: i, Path: a.clean(w.Text, i), Recursive: true})
				}
			}
		}
	}
	if props && e.Has("patch-paths") {
		a.patchPaths(i, c, e.Prop("patch-paths"), f) // patchpaths.go
	}
	if opts := propOf(props, e, "nix-expr"); opts != "" {
		a.nixExprs(i, cl, opts, f) // nixexpr.go
	}
	if file := propOf(props, e, "runs-file"); file != "" {
		a.runsFile(i, c, file) // nixexpr.go
	}
	if props && e.Has("saves-url-name") {
		a.savesURLName(i, cl, f)
	}
	if opts := propOf(props, e, "proxy-settings"); opts != "" {
		// wget -e http_proxy=HOST: every request goes through HOST.
		for _, w := range cl.Words {
			if !hasWord(opts, w.Option) {
				continue
			}
			if k, v, ok := strings.Cut(w.Text, "="); ok && strings.HasSuffix(strings.ToLower(strings.TrimSpace(k)), "_proxy") && strings.TrimSpace(v) != "" {
				a.url(i, strings.TrimSpace(v), f)
			}
		}
	}
	if props && e.Has("code-lang") {
		for _, t := range c.Stdin {
			a.opaqueCode(i, c, e, t, false)
		}
	}
	if e != nil && e.Prop("fetcher") != "" {
		f.sink = "network"
	}
	if e != nil && e.Prop("host") != "" && len(f.hosts) == 0 {
		f.hosts = append(f.hosts, e.Prop("host"))
	}
	a.tokenToOtherHost(i, c, cl, f)   // tokenhost.go: gh api --hostname H
	a.movesFunds(i, c, cl)            // funds.go: solana transfer, cast send
	a.broadcastsTransaction(i, c, cl) // chainrpc.go: curl -d '{"method":"eth_sendRawTransaction"…}'
	a.readsLivePayments(i, c, cl)     // livepayments.go: stripe customers list --live
	if e != nil && e.Prop("installs") != "" {
		for _, w := range cl.Words {
			// An index option naming the public registry, or a local
			// directory of the project, is where a name would come from
			// anyway (settings.go).
			if w.Role == catalog.URL && w.Option != "" && !ordinarySource(nil, w.Text) {
				a.add(Effect{Kind: RemoteCode, Cmd: i, Detail: "index", Word: w.Option + " " + w.Text})
			}
		}
	}
	a.destroys(i, c, cl)
	a.backupsDestroyed(i, c, cl) // backupsgone.go: a backup store destroyed whole
	if c.Name == "jj" {
		a.jjAbandon(i, c) // jjabandon.go: jj abandon 'all()'
	}
	if strings.Contains(c.Name, "bus") {
		a.dbusSecretsDeleted(i, c) // dbussecrets.go: a keyring's collection deleted over D-Bus
	}
	a.unsupervisedAgent(i, c, cl)     // unsupervised.go
	a.productionTask(i, c, cl)        // production.go
	a.loadsIntoProduction(i, c, cl)   // loadsdb.go
	a.runsAgainstProduction(i, c, cl) // prodruns.go
	if props && e.Has("bare-host") {
		a.remoteProduction(i, c, cl) // remoteprod.go
	}
	a.cloudProductionChange(i, c, cl)
	a.productionSession(i, c, cl)         // prodsession.go
	a.productionSecretsRun(i, c, cl)      // prodsecrets.go
	a.sharedCLIChange(i, c, cl)           // sharedcli.go
	a.fleetChanges(i, c)                  // fleetruns.go
	a.fleetModuleChanges(i, c, cl)        // fleetmodules.go
	a.brokerPublishes(i, c)               // brokers.go
	a.dataCopiedOff(i, c)                 // datacopies.go
	a.fusesWritten(i, c)                  // devicefuses.go
	a.forwardsProduction(i, c, cl)        // prodshells.go
	a.sessionInProduction(i, c, cl)       // prodshells.go
	a.bulkHostChange(i, c, cl)            // bulkforge.go
	a.removesEveryImage(i, c)             // listed.go
	a.removesEveryContainer(i, c)         // listed.go
	a.engineChangesProduction(i, c)       // prodengine.go
	a.memoryCopiedOut(i, c, cl)           // prodmemory.go
	a.forwardsAgentToPublicHost(i, c, cl) // agentforward.go
	agent := agentRunOf(c)                // guardself.go: read once for the two below
	a.guardSelf(i, c, agent)              // guardself.go
	a.hubPushed(i, c)                     // hubpublish.go
	a.remoteCodeTrusted(i, c)             // trustremote.go
	a.keyToEndpoint(i, c)                 // endpointkeys.go
	a.agentRegistersCode(i, c, agent)     // agentregisters.go
	a.privileges(i, c, cl)                // privileges.go
	a.jdwpLaunches(i, c)                  // jdwp.go
	a.engineSocketReached(i, c, cl)       // enginesocket.go
	if props && e.Has("runs-image") {
		a.containerReads(i, cl, f) // containerpaths.go
		a.containerCode(i, cl)     // containercode.go
	}
	a.gstStream(i, c, f)           // gstreamer.go
	a.writesOtherTree(i, c, cl)    // treewrites.go
	a.composesProduction(i, c, cl) // composeprod.go
	if props && (e.Has("sends-local") || e.Has("store-copy")) {
		a.copiesOntoHost(i, c, cl) // copytargets.go
	}
	if cl.Mark("recursive") && (props && e.Has("local") || c.Name == "rsync") || props && e.Has("moves") {
		a.copiesOver(i, c.Name, cl, f) // copyover.go
	}
	if !cl.Mark("recursive") {
		a.copiedInto(i, c.Name, cl, f) // copyover.go (cp -r templates/ out/ may make out)
	}
	if props && e.Has("cloud") {
		a.remoteCommands(i, c.Args, cl) // remote.go
	}
	if props && e.Has("serves") {
		a.serves(i, c, f, e)
	}
	a.remoteProgram(i, c)
	a.unseenPackages(i, c, cl)                                                                               // unseen.go: npx NAME, go install MODULE@latest, docker run someone/image
	if e != nil && (e.Prop("tunnel") != "" && !tunnelOnlyLooks(c.Args, cl) || props && tunnelWords(e, cl)) { // tunnels.go
		a.add(Effect{Kind: Tunnel, Cmd: i, Detail: "service", Word: c.Name})
		a.tunnelServes(i, c) // tunnels.go: ngrok http file:///home/dev
		f.sink = "network"
	}
	if ext := compressorSuffixOf(c.Name); ext != "" && !cl.Mark("decode") {
		// gzip F writes F.gz (unless -c); split F PREFIX writes PREFIXaa...
		for _, r := range f.reads {
			f.writes = append(f.writes, r+ext)
		}
	}
	if props && e.Has("signals") && len(c.Args) > 0 && c.Args[len(c.Args)-1] == "-1" {
		a.add(Effect{Kind: Exhaust, Cmd: i, Detail: "processes", Word: "kill -1 signals every process"})
	} else if props && e.Has("signals") {
		if why := a.signalsAll(i, c); why != "" {
			a.add(Effect{Kind: Exhaust, Cmd: i, Detail: "processes", Word: why}) // signals.go
		}
	}
	if why := a.cancelsJobs(i, c); why != "" { // jobcancels.go
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "jobs", Word: why})
	}
	if c.Name == "screen" || c.Name == "tmux" {
		if why := a.othersSession(c); why != "" { // sessions.go
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "session", Word: why})
		}
	}
	if props && e.Has("signals") || c.Name == "fuser" {
		if why := a.killsServer(i, c); why != "" {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "server", Word: why}) // serverkills.go
		}
		if why := a.killsGuard(i, c); why != "" {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "guard-off", Word: why}) // guardkills.go
		}
	}
	if p := compilerOutput(c); p != "" { // compileroutput.go
		a.add(Effect{Kind: Write, Cmd: i, Path: a.clean(p, i)})
	}
	if cl.Mark("listen") || props && e.Has("listen") {
		// (the "listen" property: a program that always listens, on the
		// address its operand names: gdbserver HOST:PORT PROG)
		a.add(Effect{Kind: Listen, Cmd: i, Word: c.Name})
		a.listensOnOperand(i, c, cl) // exposes.go
	}
	a.listensEverywhere(i, c) // exposes.go
	a.opensKernel(i, c)       // openkernels.go
	if c.Name == "ssh" || c.Name == "autossh" {
		a.sshGatewayPorts(i, c) // sshforward.go
	}
	if props && e.Has("scans") {
		a.scans(i, c, cl) // scans.go
	}
	if props && e.Has("captures") {
		a.captures(i, c, cl) // captures.go
	}
	if cl.Mark("exposes") {
		// kubectl port-forward --address 0.0.0.0: what it forwards is
		// reachable from outside this machine, as through a tunnel
		a.add(Effect{Kind: Tunnel, Cmd: i, Detail: "exposed", Word: c.Name + " serves on every network interface"})
	}
	if cl.Mark("runs") && f.sink == "network" {
		a.add(Effect{Kind: Flow, Cmd: i, Detail: "socket->shell", Word: c.Name + " hands its connection to a program"})
	}
	if c.Name == "socat" {
		a.socat(i, c, f)
	}
	a.unixListen(i, c, f) // unixsocket.go
	if cl.Mark("publishes") {
		// docker run -p 8080:80 -v ~:/usr/share/nginx/html nginx: a
		// container reachable from the network with the home directory
		// or a credential directory mounted serves it to whoever connects.
		// A key the project keeps for its tests mounted for a dev server's
		// TLS is the project's file (testkeys.go).
		for _, p := range f.reads {
			if a.sensitiveDir(p) || a.sensitive(p) && !(a.testKey(p) && !a.keyRewritten([]string{p})) {
				a.add(Effect{Kind: Flow, Cmd: i, Detail: "home-archive->network", Word: c.Name + " publishes a port of a container with " + p + " mounted"})
				break
			}
		}
	}
	if props && e.Has("transfer-lang") {
		a.transferUploads(i, c, f) // transfer.go
		a.transferDeletes(i, c)    // transferdeletes.go
	}
	if len(f.sends) == 0 && len(f.reads) > 0 && f.sink == "network" && props && e.Has("sends-local") {
		// restic -r HOST:REPO backup PATHS: the remote came first.
		f.sends = append(f.sends, f.reads...)
	}
}

// inUserinfo reports whether offset d of a URL-shaped word falls in its
// userinfo (scheme://user:SECRET@host): the secret authenticates there.
func inUserinfo(w string, d int) bool {
	k := strings.Index(w, "://")
	at := strings.LastIndexByte(w, '@')
	return k >= 0 && at > d && d > k && !strings.ContainsAny(w[k+3:d], "/?#")
}

// stdinPath reports a path that names the reading process's stdin.
func stdinPath(p string) bool {
	return p == "/dev/stdin" || p == "/dev/fd/0" || p == "/proc/self/fd/0"
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// socatParam returns an address's first parameter as socat reads it: up to
// the first comma outside quotes, with its own double and single quotes
// and backslash escapes taken away (OPEN:"my key",rdonly is my key).
func socatParam(s string) string {
	var b strings.Builder
	var quote byte
	for k := 0; k < len(s); k++ {
		ch := s[k]
		switch {
		case ch == '\\' && k+1 < len(s):
			k++
			b.WriteByte(s[k])
		case quote != 0 && ch == quote:
			quote = 0
		case quote == 0 && (ch == '"' || ch == '\''):
			quote = ch
		case quote == 0 && ch == ',':
			return b.String()
		default:
			b.WriteByte(ch)
		}
	}
	return b.String()
}

// socat's addresses: TCP:host:port, EXEC:cmd, SYSTEM:cmd, OPENSSL:host:port.
func (a *analysis) socat(i int, c *shell.Command, f *cmdFacts) {
	net, run := false, false
	openListen, unixPeer := "", false // a TCP listener on every interface; a Unix socket connected to
	remotePeer := false               // a TCP peer on another machine (TCP:db.internal:5432)
	// -u sends the first address's data to the second, -U the second's to
	// the first; without either, data goes both ways.
	uni, rev := slices.Contains(c.Args, "-u"), slices.Contains(c.Args, "-U")
	k, skip := -1, false // the address's index (0, 1)
	for _, w := range c.Args {
		if skip {
			skip = false
			continue
		}
		if len(w) > 1 && w[0] == '-' {
			skip = w == "-b" || w == "-T" || w == "-lf" || w == "-lp" || w == "-L" || w == "-W"
			continue
		}
		k++
		u := strings.ToUpper(w)
		// A word with no address type is socat's GOPEN of a path: one with a
		// slash, or a variable's value (socat TCP-L:2222 "$SSH_AUTH_SOCK").
		bare := w != "" && !socatTyped(w) && (strings.Contains(w, "/") || strings.HasPrefix(w, "$"))
		source, dest := !uni && !rev || uni && k == 0 || rev && k == 1, !uni && !rev || uni && k == 1 || rev && k == 0
		switch {
		case bare || strings.HasPrefix(u, "FILE:") || strings.HasPrefix(u, "OPEN:") || strings.HasPrefix(u, "GOPEN:") || strings.HasPrefix(u, "CREATE:"):
			// A word with a slash and no colon is socat's GOPEN of that
			// path (socat ./key TCP:h:p).
			rest := w
			if !bare {
				_, rest, _ = strings.Cut(w, ":")
			}
			p := a.clean(socatParam(rest), i)
			if dest || strings.HasPrefix(u, "CREATE:") {
				// what the other address sends is written here
				a.add(Effect{Kind: Write, Cmd: i, Path: p})
				f.writes = append(f.writes, p)
			}
			if source && !strings.HasPrefix(u, "CREATE:") {
				a.add(Effect{Kind: Read, Cmd: i, Path: p})
				f.reads = append(f.reads, p)
				f.sends = append(f.sends, p)
			}
		case (strings.HasPrefix(u, "UNIX-") || strings.HasPrefix(u, "UNIX:")) && strings.Contains(u, ":"):
			// A Unix socket connected to is read from (an agent's socket:
			// whoever connects signs as the user) and what it answers is
			// sent on; one bound (LISTEN, RECV, RECVFROM) is a file created
			// at its path.
			_, rest, _ := strings.Cut(w, ":")
			p := a.clean(socatParam(rest), i)
			if strings.HasPrefix(u, "UNIX-LISTEN:") || strings.HasPrefix(u, "UNIX-RECV") {
				a.add(Effect{Kind: Write, Cmd: i, Path: p})
				f.writes = append(f.writes, p)
				continue
			}
			a.add(Effect{Kind: Read, Cmd: i, Path: p})
			f.reads = append(f.reads, p)
			f.sends = append(f.sends, p)
			unixPeer = true
		case strings.HasPrefix(u, "EXEC:") || strings.HasPrefix(u, "SYSTEM:") || u == "SHELL" || strings.HasPrefix(u, "SHELL:"):
			// (SHELL, SHELL:CMD: socat 1.8's address of a shell)
			run = true
		case strings.HasPrefix(u, "TCP") || strings.HasPrefix(u, "UDP") || strings.HasPrefix(u, "OPENSSL") || strings.HasPrefix(u, "SCTP"):
			net = true
			parts := strings.Split(w, ":")
			if len(parts) >= 2 && !strings.Contains(u, "LISTEN") {
				h := strings.Split(parts[1], ",")[0]
				a.url(i, h, f)
				remotePeer = remotePeer || h != "" && !unresolved(h) && !loopback(strings.Trim(h, "[]"))
			} else if strings.Contains(u, "LISTEN") {
				a.add(Effect{Kind: Listen, Cmd: i, Word: w})
				if !socatLoopbackBind(w) && !strings.Contains(u, ",RANGE=") {
					openListen = w
				}
				if socatBindsEvery(w) {
					// bind=0.0.0.0 written out: a choice, as --bind 0.0.0.0 is (exposes.go)
					a.add(Effect{Kind: Listen, Cmd: i, Detail: "every-interface", Word: c.Name + " " + w})
				}
			}
		}
	}
	if net && run {
		a.add(Effect{Kind: Flow, Cmd: i, Detail: "socket->shell", Word: "socat joins a socket and a program"})
	}
	if openListen != "" && (unixPeer || remotePeer) {
		// A Unix socket's file permissions keep it to this machine's
		// users; relayed from a port on every interface (the Docker
		// daemon's, an agent's), anyone who reaches the port has it.
		// So has anyone the port of a machine behind this one
		// (TCP-LISTEN:5432,fork TCP:db.internal:5432): a private
		// network's database relayed to whoever reaches this machine.
		a.add(Effect{Kind: Listen, Cmd: i, Detail: "every-interface", Word: openListen})
	}
}

// socatLoopbackBind reports whether a socat listening address binds to
// this machine alone (TCP-LISTEN:8080,bind=127.0.0.1); without bind=, or
// bound to 0.0.0.0 or a network address, every interface may reach it.
func socatLoopbackBind(w string) bool {
	for _, opt := range strings.Split(w, ",")[1:] {
		if k, v, ok := strings.Cut(opt, "="); ok && strings.EqualFold(k, "bind") {
			return loopback(strings.Trim(v, "[]"))
		}
	}
	return false
}

// socatBindsEvery reports whether a socat listening address names every
// address of this machine in its bind option (TCP-LISTEN:8080,bind=0.0.0.0).
func socatBindsEvery(w string) bool {
	for _, opt := range strings.Split(w, ",")[1:] {
		if k, v, ok := strings.Cut(opt, "="); ok && strings.EqualFold(k, "bind") {
			return everyInterface(v)
		}
	}
	return false
}

// socatTyped reports whether a socat address starts with its type
// (TCP:h:p, UNIX-CONNECT:path): a colon before any slash or expansion.
func socatTyped(w string) bool {
	k := strings.IndexByte(w, ':')
	return k > 0 && !strings.ContainsAny(w[:k], "/$")
}

// url reports a contacted URL or host.
func (a *analysis) url(i int, u string, f *cmdFacts) {
	if u == "" {
		return
	}
	p, ok := match.FileURIPath(u)
	if !ok && len(u) > 7 && strings.EqualFold(u[:7], "file://") && (strings.HasPrefix(u[7:], "$HOME/") || strings.HasPrefix(u[7:], "${HOME}/")) {
		// file://$HOME/.ssh/id_rsa: the home directory's path is the
		// URL's, and path cleaning resolves it.
		p, ok = u[7:], true
	}
	if ok {
		// curl file:///home/u/.ssh/id_rsa, lynx -dump FILE://localhost/…:
		// a file: URL names a local file, which the program reads and
		// prints or saves like cat; it contacts no host.
		p = a.clean(p, i)
		a.add(Effect{Kind: Read, Cmd: i, Path: p})
		f.reads = append(f.reads, p)
		return
	}
	if host := credentialEndpoint(u); host != "" {
		// $AWS_CONTAINER_CREDENTIALS_FULL_URI and the like: the cloud's
		// credential endpoint, whatever its value.
		f.hosts = append(f.hosts, host)
		a.add(Effect{Kind: Connect, Cmd: i, Target: host})
		return
	}
	if unresolved(u) && !a.literalHost(u) {
		if f.sendsIn || len(f.sends) > 0 || strings.Contains(u, "$(") || strings.Contains(u, "`") {
			// Where it goes, or what the address carries out, is built
			// at run time.
			a.add(Effect{Kind: Unknown, Cmd: i, Detail: "host", Word: u})
		}
		f.hosts = append(f.hosts, "")
		return
	}
	f.hosts = append(f.hosts, u)
	if f.probes {
		a.add(Effect{Kind: Connect, Cmd: i, Target: u, Detail: "lookup"})
		return
	}
	a.add(Effect{Kind: Connect, Cmd: i, Target: u})
}

// literalHost reports a URL whose scheme, host and port are written out
// and only the path or query is built at run time, by variables or by
// programs the catalogue knows ("https://api.example.net/items?limit=$(cat
// n)"): where it goes is known, and what its built part carries is
// followed as a flow like any other data the line sends there. Output of
// a program nobody can see into, or of one that re-encodes data (which
// hides what leaves), stays unknown.
func (a *analysis) literalHost(u string) bool {
	scheme, rest, ok := strings.Cut(u, "://")
	if !ok || scheme == "" || strings.ContainsAny(scheme, "$`") {
		return false
	}
	end := strings.IndexAny(rest, "/?#")
	if end <= 0 || strings.ContainsAny(rest[:end], "$`@\\") {
		return false
	}
	for tail := rest[end:]; ; {
		k := strings.IndexAny(tail, "`(")
		if k < 0 {
			return true
		}
		if tail[k] == '(' && (k == 0 || tail[k-1] != '$') {
			tail = tail[k+1:]
			continue
		}
		if tail[k] == '(' {
			k-- // at the "$"
		}
		if strings.HasPrefix(tail[k:], "$((") {
			// arithmetic: a number, unless it runs a command itself
			end := strings.Index(tail[k:], "))")
			if end < 0 || strings.ContainsAny(tail[k+3:k+end], "$`") && strings.Contains(tail[k+3:k+end], "(") {
				return false
			}
			tail = tail[k+end+2:]
			continue
		}
		body, after, ok := substitution(tail[k:])
		if !ok || !a.seeThrough(body) {
			return false
		}
		tail = after
	}
}

// substitution splits text starting with "$(" or "`" into the
// substitution's body and what follows it.
func substitution(text string) (body, after string, ok bool) {
	if text[0] == '`' {
		body, after, ok = strings.Cut(text[1:], "`")
		return body, after, ok
	}
	depth := 0
	for i := 1; i < len(text); i++ { // text[1] is the opening parenthesis
		switch text[i] {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return text[2:i], text[i+1:], true
			}
		}
	}
	return "", "", false
}

// seeThrough reports whether every program of a substitution's body is
// one the catalogue knows and none re-encodes its input.
//
// Substitutions nested in the body are segments of their own, and an
// encoder named anywhere (as a wrapper's operand: command base64, env xxd,
// busybox gzip) counts as one.
func (a *analysis) seeThrough(body string) bool {
	for _, seg := range strings.FieldsFunc(body, func(r rune) bool {
		return r == '|' || r == ';' || r == '&' || r == '(' || r == ')' || r == '`' || r == '\n'
	}) {
		f := strings.Fields(seg)
		if len(f) == 0 || f[0] == "$" {
			continue
		}
		if !a.cat.Known(strings.TrimSuffix(f[0], "$")) {
			return false
		}
		for _, w := range f {
			if encoders.Get(path.Base(w)) {
				return false
			}
		}
	}
	return true
}

// encoders are programs that re-encode or compress what they read.
var encoders = table.Map[string, bool]{Words: `base64 base32 basenc xxd od hexdump hd
	gzip bzip2 xz zstd openssl uuencode gpg`}

// credentialEndpointVars are environment variables that hold a cloud's
// credential or identity endpoint, and the address each stands for.
var credentialEndpointVars = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		"AWS_CONTAINER_CREDENTIALS_FULL_URI": "169.254.170.2", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "169.254.170.2",
		"ECS_CONTAINER_METADATA_URI": "169.254.170.2", "ECS_CONTAINER_METADATA_URI_V4": "169.254.170.2",
		"IDENTITY_ENDPOINT": "169.254.169.254", "MSI_ENDPOINT": "169.254.169.254", "GCE_METADATA_HOST": "metadata.google.internal",
		"GCE_METADATA_IP": "169.254.169.254", "ACTIONS_ID_TOKEN_REQUEST_URL": "169.254.169.254",
	}
}}

// credentialEndpoint gives the address a URL stands for when it is built
// from a credential endpoint variable.
func credentialEndpoint(u string) string {
	if !strings.Contains(u, "$") {
		return ""
	}
	for v, host := range credentialEndpointVars.All() {
		if strings.Contains(u, "$"+v) || strings.Contains(u, "${"+v+"}") {
			return host
		}
	}
	return ""
}

// remote reports [user@]host[:path] as a contacted host.
func (a *analysis) remote(i int, spec string, f *cmdFacts) {
	host := spec
	if at := strings.LastIndexByte(host, '@'); at >= 0 {
		host = host[at+1:]
	}
	if c := strings.IndexByte(host, ':'); c >= 0 {
		host = host[:c]
	}
	if host == "" {
		return
	}
	if f.sink == "" {
		f.sink = "network"
	}
	a.url(i, "ssh://"+host, f)
}

// remoteSpec recognises "[user@]host:path" (scp, rsync) but not paths or
// URLs.
func remoteSpec(w string) (string, bool) {
	if strings.Contains(w, "://") || strings.HasPrefix(w, "/") || strings.HasPrefix(w, ".") || strings.HasPrefix(w, "~") {
		return "", false
	}
	c := strings.IndexByte(w, ':')
	if c <= 0 || strings.ContainsAny(w[:c], "/ ") {
		return "", false
	}
	if strings.HasPrefix(w, "${") && strings.IndexByte(w, '}') > c {
		return "", false // ${GITHUB_ENV:-ci.env}: the colon is the expansion's
	}
	return w, true
}

// atFile handles curl's data options: "@file" sends a file, "@-" stdin.
func (a *analysis) atFile(i int, w catalog.Word, f *cmdFacts) {
	v := w.Text
	if w.Option == "-F" || w.Option == "--form" {
		if _, after, ok := strings.Cut(v, "="); ok {
			v = after
		}
		if k := strings.IndexAny(v, ";,"); k >= 0 && strings.HasPrefix(v, "@") || strings.HasPrefix(v, "<") {
			if k >= 0 {
				v = v[:k]
			}
		}
		v = strings.Replace(v, "<", "@", 1)
	}
	if (w.Option == "-b" || w.Option == "--cookie") && v != "" && !strings.ContainsAny(v, "=@") {
		// curl -b NAME: with no "=" it is a file of cookies curl reads
		// and sends with the request
		v = "@" + v
	}
	if w.Option == "-H" || w.Option == "--header" || w.Option == "-b" || w.Option == "--cookie" {
		if !strings.HasPrefix(v, "@") {
			if unresolved(v) {
				f.argSend = true
			}
			return
		}
	}
	f.argSend = true
	v = strings.NewReplacer(`"`, "", `'`, "").Replace(v)
	if w.Option == "--data-urlencode" || w.Option == "--variable" || w.Option == "--url-query" {
		// name@file sends the file's content under name.
		if k := strings.IndexByte(v, '@'); k > 0 && !strings.ContainsAny(v[:k], "=") {
			v = v[k:]
		}
	}
	for _, scheme := range []string{"file://", "fileb://"} {
		// The AWS CLI's file://PATH and fileb://PATH read a file.
		if rest, ok := strings.CutPrefix(v, scheme); ok {
			v = "@" + rest
		}
	}
	file, ok := strings.CutPrefix(v, "@")
	if !ok {
		return
	}
	if file == "-" || stdinPath(file) {
		f.sendsIn = true
		return
	}
	p := a.clean(file, i)
	a.add(Effect{Kind: Read, Cmd: i, Path: p})
	f.reads = append(f.reads, p)
	f.sends = append(f.sends, p)
	if unresolved(file) {
		// curl -d @"$F": a file nobody can name is sent, as curl -T "$F".
		a.add(Effect{Kind: Unknown, Cmd: i, Detail: "upload-source", Word: file})
	}
}

// codeURLs reports the URLs named in the code of a command whose code
// uses a network client (python3 -c "…urlopen('http://…')", ruby -e
// 'URI.open("…")'): the code contacts them. It reports false, and does
// nothing, for code that opens no connection (a URL it only prints).
func (a *analysis) codeURLs(i int, code string, f *cmdFacts) bool {
	if i >= len(a.res.Commands) || !a.res.Commands[i].Code.Network || !strings.Contains(code, "://") {
		return false
	}
	for _, u := range embeddedURLs(code) {
		n := len(a.out)
		a.url(i, u, f)
		if len(a.out) == n+1 && a.out[n].Kind == Connect && a.out[n].Detail == "" && codeGets(code, u) {
			a.out[n].Detail = "get" // requests.get(URL): the fetch tool's GET (codegets.go)
		} else if len(a.out) == n+1 && a.out[n].Kind == Connect && a.out[n].Detail == "" && codeDeletes(code, u) {
			// requests.delete(URL), fetch(URL, {method: 'DELETE'}): what
			// curl -X DELETE is (codegets.go), production's when its
			// host says so
			if h := urlHost(u); h != "" && !thisMachine(h) {
				kind := "remote"
				if namesProduction(h) {
					kind = "production"
				}
				a.add(Effect{Kind: Destroy, Cmd: i, Detail: kind, Word: "DELETE request to " + u})
			}
		}
	}
	return true
}

// embeddedURLs returns the URLs written inside text: each scheme://
// and what follows it up to a quote, a space or a bracket.
func embeddedURLs(text string) []string {
	var out []string
	for rest := text; len(out) < 16; {
		k := strings.Index(rest, "://")
		if k < 0 {
			break
		}
		start := k
		for start > 0 && urlSchemeByte(rest[start-1]) {
			start--
		}
		end := k + 3
		for end < len(rest) && !strings.ContainsRune(" \t\n'\"()<>`;,{}[]|\\", rune(rest[end])) {
			end++
		}
		if start < k && end > k+3 {
			out = append(out, rest[start:end])
		}
		rest = rest[end:]
	}
	return out
}

func urlSchemeByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-'
}

// deletesEveryKey reports a Redis client deleting (del, unlink) the keys
// an earlier stage of its pipeline lists, when that stage lists them all:
// --scan or keys with no pattern or the pattern "*".
func (a *analysis) deletesEveryKey(i int, c *shell.Command) bool {
	del := false
	for _, w := range c.Args {
		del = del || strings.EqualFold(w, "del") || strings.EqualFold(w, "unlink")
	}
	if !del {
		return false
	}
	for j := range a.res.Commands {
		p := &a.res.Commands[j]
		if j == i || p.Pipeline != c.Pipeline || p.Stage >= c.Stage || p.Name != c.Name {
			continue
		}
		all, lists := true, false
		for k, w := range p.Args {
			switch {
			case w == "--scan" || strings.EqualFold(w, "keys"):
				lists = true
			case (w == "--pattern" || w == "--match") && k+1 < len(p.Args):
				all = p.Args[k+1] == "*"
			}
			if k > 0 && strings.EqualFold(p.Args[k-1], "keys") {
				all = w == "*"
			}
		}
		if lists && all {
			return true
		}
	}
	return false
}

// rawClients send what they read on standard input to a host and port.
var rawClients = table.Map[string, bool]{Words: "nc ncat netcat nc.traditional nc.openbsd telnet socat"}

// textPort reports a word naming the port of a database spoken in text
// lines (Redis and its forks, memcached), alone (nc H 6379) or ending an address
// (socat - TCP:H:6379).
func textPort(args []string) bool {
	for _, w := range args {
		if k := strings.LastIndexByte(w, ':'); k >= 0 {
			w = w[k+1:]
		}
		switch w {
		case "6379", "6380", "26379", "11211": // Redis and its forks, memcached
			return true
		}
	}
	return false
}

// unknownWord judges a word of a program the catalogue does not know: a
// URL is contacted, a word shaped like a path may be read; anything else
// (a name, a number, a message) is data.
func (a *analysis) unknownWord(i int, w string, f *cmdFacts) {
	if k := strings.Index(w, "://"); k >= 0 {
		if strings.ContainsAny(w[:k], " \t\n'\"(=;,") && a.codeURLs(i, w, f) {
			return
		}
		a.url(i, w, f)
		return
	}
	if file, ok := atFileWord(w); ok {
		// mytool --data @.env URL, mytool post URL body=@key: the
		// request-file convention of curl and HTTPie, a file's text sent
		a.requestItem(i, "@"+file, f) // requestitems.go
		return
	}
	if !pathShaped(w) {
		// profile=/home/dev/Library/Application Support/…, cookies:PATH,
		// a.txt,PATH: a value given after a key or in a list is read as
		// the word would be
		for _, v := range wordValues(w) {
			if pathShaped(v) {
				p := a.clean(v, i)
				a.add(Effect{Kind: Read, Cmd: i, Path: p})
				f.reads = append(f.reads, p)
			}
		}
		return
	}
	p := a.clean(w, i)
	a.add(Effect{Kind: Read, Cmd: i, Path: p})
	f.reads = append(f.reads, p)
}

// wordValues returns the values a word of an unknown program gives after
// a key (KEY=VALUE, KEY:VALUE, KEY an identifier) and the items of a
// comma-separated list, or nil.
func wordValues(w string) []string {
	if k := strings.IndexAny(w, "=:"); k > 0 && identWord(w[:k]) {
		w = w[k+1:]
		if !strings.Contains(w, ",") {
			return []string{w}
		}
	}
	if !strings.Contains(w, ",") {
		return nil
	}
	return strings.Split(w, ",")
}

// identWord reports a word made of letters, digits, _ and -.
func identWord(s string) bool {
	for k := 0; k < len(s); k++ {
		if !isWordByte(s[k]) && s[k] != '-' {
			return false
		}
	}
	return s != ""
}

// atFileWord returns the file a word of an unknown program names by the
// request-file convention: "@PATH", or "NAME=@PATH" and "--opt=@PATH"
// (a field's or an option's value read from the file), when PATH is
// shaped as a path. A mention (@here) and an address (dev@example.com)
// are not.
func atFileWord(w string) (string, bool) {
	k := strings.IndexByte(w, '@')
	if k < 0 || k > 0 && !strings.HasSuffix(w[:k], "=") {
		return "", false
	}
	file := w[k+1:]
	if j := strings.IndexByte(file, ';'); j > 0 {
		file = file[:j] // f=@file;type=text/plain
	}
	return file, pathShaped(file)
}

// unknownOption returns the option an unknown program's word is the value
// of: attached (--attach=F), or the word before it (--attach F), which
// is all a line can say of an option the catalogue does not know.
func unknownOption(c *shell.Command, w catalog.Word) string {
	if w.Option != "" {
		return w.Option
	}
	if k := w.Index - 1; k >= 0 && k < len(c.Args) && strings.HasPrefix(c.Args[k], "--") && !strings.Contains(c.Args[k], "=") {
		return c.Args[k]
	}
	return ""
}

// sendOptionWords are the words of an unknown program's option names
// that say the option's file is sent: --upload-file, --attach,
// --body-file, --data-file, --payload-file, --post-file.
var sendOptionWords = []string{"upload", "attach", "body-file", "data-file", "payload-file", "post-file", "send-file"}

// sendsFileOption reports an option of an unknown program whose name says
// the file it names is sent (see sendOptionWords).
func sendsFileOption(opt string) bool {
	if len(opt) < 4 || opt[0] != '-' {
		return false
	}
	opt = strings.ToLower(opt)
	for _, w := range sendOptionWords {
		if strings.Contains(opt, w) {
			return true
		}
	}
	return false
}

// fileValue reports whether an option's value names a file by a path with
// a directory in it ("/x/y", "~/.netrc", "dir/file"), not a count, a
// pattern or a separator.
func fileValue(w string) bool {
	if w == "" || strings.ContainsAny(w, " \n\t=*?[{|") || unresolved(w) {
		return false
	}
	if strings.HasPrefix(w, "~") {
		return true
	}
	i := strings.IndexByte(w, '/')
	return i >= 0 && i < len(w)-1 && strings.Trim(w, "/.") != ""
}

// letterOption reports whether opt is a one-letter option (-n): the kind
// whose arity differs between implementations of the same program.
func letterOption(opt string) bool {
	return len(opt) == 2 && opt[0] == '-' && opt[1] != '-'
}

// pathShaped reports whether a word looks like a file name: it has a
// slash, starts with ~ or a dot, or is a dotted name with an extension.
func pathShaped(w string) bool {
	if strings.IndexByte(w, ' ') >= 0 && spacedPath(w) {
		return true // "$HOME/Library/Application Support/Google/Chrome"
	}
	if w == "" || strings.ContainsAny(w, " \n\t=") || unresolved(w) && !strings.Contains(w, "/") {
		return false
	}
	if strings.ContainsRune(w, '/') || strings.HasPrefix(w, "~") || strings.HasPrefix(w, ".") {
		return true
	}
	ext := path.Ext(w)
	return ext != "" && ext != w && len(ext) <= 8 && !strings.ContainsAny(ext, "0123456789")
}

// spacedPath reports a word with blanks that is still a path: it starts
// as an absolute, home or relative path does (/, ~/, $HOME/, ./, ../, or
// a directory's name) and names a directory before its first blank ("/home/dev/My Stuff/.ssh", "~/Library/
// Application Support/…"), with no newline, tab or "=" in it. A message
// ("/review this change", "fix src and docs") names no directory first.
func spacedPath(w string) bool {
	if strings.ContainsAny(w, "\n\t=") {
		return false
	}
	rest, relative := w, true // "Default/Login Data" after cd ~/.config/google-chrome
	for _, p := range [...]string{"/", "~/", "./", "../", "$HOME/", "${HOME}/"} {
		if r, ok := strings.CutPrefix(w, p); ok {
			rest, relative = r, false
			break
		}
	}
	head, _, _ := strings.Cut(rest, " ")
	if relative && strings.ContainsAny(head, ":,;") {
		return false // cookies:/home/…, a.txt,/home/…: a key's value or a list
	}
	return strings.Contains(head, "/")
}

// mount judges a container volume "SRC:DST[:OPTS]": a host path the
// container reads, and writes unless it is mounted read-only. Named
// volumes are not host paths.
func (a *analysis) mount(i int, spec string, f *cmdFacts) {
	spec = volumeSpec(spec)
	parts := strings.Split(spec, ":")
	src := parts[0]
	if src == "" || !(strings.HasPrefix(src, "/") || strings.HasPrefix(src, "~") || strings.HasPrefix(src, ".") || strings.HasPrefix(src, "$")) {
		return
	}
	p := a.clean(src, i)
	if a.ownCredentialMount(i, p) {
		return // containercreds.go: ~/.aws into amazon/aws-cli
	}
	a.add(Effect{Kind: Read, Cmd: i, Path: p, Recursive: true, Detail: "mount"})
	f.reads = append(f.reads, p)
	f.mounts = append(f.mounts, p)
	ro := len(parts) > 2 && strings.Contains(parts[len(parts)-1], "ro")
	// The whole root mounted is judged by the privileged-container rules.
	if !ro && p != "/" {
		a.add(Effect{Kind: Write, Cmd: i, Path: p})
	}
}

// findDeletes judges find -delete: it deletes what it finds under its
// starting points, so a starting point outside the working directory
// (/usr/lib, ~/.ssh, /etc) has files deleted there, the whole tree when no
// test narrows what is found. One inside it (find . -name '*.pyc'
// -delete) is the project's own cleanup.
func (a *analysis) findDeletes(i int, cl *catalog.Classified) {
	if i < len(a.res.Commands) && findDeletesJunk(&a.res.Commands[i]) {
		return // findjunk.go: litter only, which the walk's own delete names
	}
	cwd := a.env.Cwd
	if i < len(a.cwds) && a.cwds[i] != "" {
		cwd = a.cwds[i]
	}
	tested := false
	for _, w := range cl.Words {
		tested = tested || w.Option != "" && !strings.Contains(w.Option, "depth")
	}
	for _, w := range cl.Words {
		if w.Option != "" || w.Text == "" || strings.HasPrefix(w.Text, "-") || strings.ContainsAny(w.Text, "()!") {
			continue
		}
		p := a.clean(w.Text, i)
		if p == cwd || strings.HasPrefix(p, cwd+"/") {
			continue
		}
		a.add(Effect{Kind: Delete, Cmd: i, Path: p, Recursive: !tested})
	}
}

// extractsOver reports an archive unpacked straight into a directory that
// holds start-up or credential files (the home directory, ~/.ssh, /etc):
// what the archive holds, which nobody here can see, lands over them.
func (a *analysis) extractsOver(i int, dir string) {
	if a.namedCredentialDir(dir) {
		a.add(Effect{Kind: Unknown, Cmd: i, Detail: "archive-contents", Word: "an archive unpacked over " + dir})
	}
}

// keyValue handles operands of the form KEY=PATH (dd if=X of=Y), with the
// roles the catalogue's "kv" property gives each key.
func (a *analysis) keyValue(i int, spec, w string, f *cmdFacts) {
	if spec == "" {
		return
	}
	k, v, ok := strings.Cut(w, "=")
	if !ok || v == "" {
		return
	}
	for _, pair := range strings.Split(spec, ",") {
		key, role, _ := strings.Cut(pair, ":")
		if key != k {
			continue
		}
		p := a.clean(v, i)
		switch role {
		case "read":
			a.add(Effect{Kind: Read, Cmd: i, Path: p})
			f.reads = append(f.reads, p)
		case "write":
			if tailUnresolved(v) && unresolved(v) {
				// dd of="$DEVICE": a raw copy to a target built at run
				// time may be a disk.
				a.add(Effect{Kind: Unknown, Cmd: i, Detail: "write-target", Word: v})
			}
			a.add(Effect{Kind: Write, Cmd: i, Path: p})
			f.writes = append(f.writes, p)
		}
	}
}

// databaseFile handles a first operand that names a system database kept
// in a file of that name under dir (the catalogue's "db-files" property:
// getent shadow reads /etc/shadow), so the file is judged as read.
func (a *analysis) databaseFile(i int, dir string, w catalog.Word, cl *catalog.Classified, f *cmdFacts) {
	if dir == "" || w.Text == "" || strings.ContainsAny(w.Text, "/.") {
		return
	}
	for _, o := range cl.Words {
		if o.Option == "" {
			if o.Index != w.Index {
				return // not the first operand
			}
			break
		}
	}
	p := a.clean(dir+"/"+w.Text, i)
	a.add(Effect{Kind: Read, Cmd: i, Path: p})
	f.reads = append(f.reads, p)
}

// localDest reports whether w is the last operand of a copy between hosts
// and an earlier operand is remote: the local file the copy writes.
func localDest(cl *catalog.Classified, w catalog.Word) bool {
	var ops []catalog.Word
	for _, o := range cl.Words {
		if o.Option == "" && o.Role == catalog.Remote {
			ops = append(ops, o)
		}
	}
	if len(ops) < 2 || ops[len(ops)-1].Index != w.Index {
		return false
	}
	for _, o := range ops[:len(ops)-1] {
		if _, ok := remotePath(o.Text); ok {
			return true // HOST:PATH, or a pod's NS/POD:PATH (remotepath.go)
		}
	}
	return false
}

// savesURLName handles a downloader that, given no output file, saves
// each URL under its last path segment in the working directory or the
// directory an option names (wget URL, wget -P DIR URL): that file is
// written.
func (a *analysis) savesURLName(i int, cl *catalog.Classified, f *cmdFacts) {
	for _, w := range cl.Words {
		if w.Role == catalog.Write {
			return // -O FILE, -O -: saved there instead
		}
	}
	for _, w := range cl.Words {
		if w.Role != catalog.URL || w.Option != "" {
			continue
		}
		if name := urlFileName(w.Text); name != "" {
			p := a.clean(name, i)
			a.add(Effect{Kind: Write, Cmd: i, Path: p})
			f.writes = append(f.writes, p)
		}
	}
}

// urlFileName is the name a downloader saves a URL under: its last path
// segment, index.html for none; "" when the URL cannot be read so.
func urlFileName(u string) string {
	_, rest, ok := strings.Cut(u, "://")
	if !ok {
		rest = u
	}
	if i := strings.IndexAny(rest, "?#"); i >= 0 {
		rest = rest[:i]
	}
	slash := strings.IndexByte(rest, '/')
	if slash < 0 {
		return "index.html"
	}
	name := path.Base(rest[slash:])
	switch {
	case name == "/" || name == ".":
		return "index.html"
	case name == ".." || strings.ContainsAny(name, "$`*?["):
		return ""
	}
	return name
}

// revPath handles an operand written REV:PATH (or :PATH, the staged
// copy): the file PATH of the repository, read out of its objects, is
// judged as read, so a credential committed once is still one.
func (a *analysis) revPath(i int, w string, f *cmdFacts) {
	_, p, ok := strings.Cut(w, ":")
	if !ok || p == "" || strings.HasPrefix(p, "//") {
		return
	}
	rel := strings.TrimPrefix(p, "./")
	p = a.clean(rel, i)
	a.add(Effect{Kind: Read, Cmd: i, Path: p})
	f.reads = append(f.reads, p)
	if i < len(a.res.Commands) && a.res.Commands[i].Name == "git" && !strings.HasPrefix(rel, "/") {
		for _, base := range revPathBases(a.res.Commands[i].Args) {
			q := a.clean(strings.TrimSuffix(base, "/")+"/"+rel, i)
			a.add(Effect{Kind: Read, Cmd: i, Path: q})
			f.reads = append(f.reads, q)
		}
	}
}

// revPathBases returns the directories besides the working directory that
// a REV:PATH of a git command given args may be relative to: its
// --work-tree, and the directory holding the repository --git-dir names
// (a bare repository of dotfiles, $HOME/.dotfiles, tracks the home: git
// --git-dir=$HOME/.dotfiles show HEAD:.aws/credentials).
func revPathBases(args []string) []string {
	var out []string
	for k := 0; k < len(args); k++ {
		w := args[k]
		switch {
		case w == "--work-tree" && k+1 < len(args):
			out = append(out, args[k+1])
			k++
		case strings.HasPrefix(w, "--work-tree="):
			out = append(out, w[len("--work-tree="):])
		case w == "-C" || w == "-c" || w == "--git-dir" || w == "--namespace":
			k++
		case !strings.HasPrefix(w, "-"):
			k = len(args)
		}
	}
	if d := strings.TrimSuffix(gitDirOption(args), "/"); d != "" && path.Base(d) != ".git" {
		out = append(out, path.Dir(d))
	}
	return out
}

// fileText gives the text the line wrote to a file, when it did.
func (a *analysis) fileText(name string) (string, bool) {
	if a.res.Files == nil {
		return "", false
	}
	k := strings.TrimPrefix(name, "./")
	for _, h := range []string{"$HOME/", "${HOME}/"} {
		if strings.HasPrefix(k, h) {
			k = "~/" + k[len(h):]
		}
	}
	t, ok := a.res.Files[k]
	return t, ok
}

// compressorSuffixOf is the suffix a compressor adds to the file it
// replaces, "" for any other program. A switch: it is asked about every
// command, and most are no compressor.
func compressorSuffixOf(name string) string {
	switch name {
	case "gzip", "pigz":
		return ".gz"
	case "bzip2":
		return ".bz2"
	case "xz":
		return ".xz"
	case "zstd":
		return ".zst"
	case "lz4":
		return ".lz4"
	case "lzma":
		return ".lzma"
	case "compress":
		return ".Z"
	case "brotli":
		return ".br"
	}
	return ""
}

// searchesHidden reports a searcher's flag that takes in hidden files and
// directories (rg --hidden, -., -uu; ag -u, --hidden, --unrestricted).
func searchesHidden(args []string) bool {
	for _, a := range args {
		switch a {
		case "--hidden", "-.", "-uu", "-uuu", "-u", "--unrestricted", "--no-ignore-dot":
			return true
		}
		if a == "--" {
			return false
		}
	}
	return false
}

// propOf is the entry's property, "" when it has none (or no entry).
func propOf(props bool, e *catalog.Entry, name string) string {
	if !props {
		return ""
	}
	return e.Prop(name)
}

// gitHeaderSetting reports git's -c setting of the headers sent with its
// HTTP requests: http.extraHeader, or http.<url>.extraHeader for one
// remote's URL.
func gitHeaderSetting(name, setting string) bool {
	key, _, ok := strings.Cut(setting, "=")
	if name != "git" || !ok || len(key) < len("http.extraheader") {
		return false
	}
	return strings.EqualFold(key[:len("http.")], "http.") && strings.EqualFold(key[len(key)-len(".extraheader"):], ".extraheader")
}

// knownGoModule reports a Go module path (a domain first, a path after
// it, any version) that knownpackages.txt lists: not a URL, a source
// file, the standard library or the module's own package, which
// KnownPackage also passes.
func knownGoModule(w string) bool {
	n, _, _ := strings.Cut(w, "@")
	first, rest, ok := strings.Cut(n, "/")
	if !ok || rest == "" || strings.Contains(w, "://") || strings.HasSuffix(n, ".go") || !strings.Contains(first, ".") || strings.HasPrefix(first, ".") {
		return false
	}
	return KnownPackage("go", w)
}

// programURL reports a program word that is a URL a runner fetches its
// code from (https://host/x.py, git+https://…).
func programURL(w string) bool {
	scheme, rest, ok := strings.Cut(strings.ToLower(w), "://")
	if !ok || rest == "" {
		return false
	}
	scheme = strings.TrimPrefix(scheme, "git+")
	return scheme == "https" || scheme == "http" || scheme == "ftp"
}

// remoteProgram adds the remote code a package runner fetches when the
// program it runs is named by a repository or URL (npx user/repo,
// npx x@github:u/r, uv run https://…/x.py), whatever the program's own
// options say (a dry run of it is still its code, fetched and run).
func (a *analysis) remoteProgram(i int, c *shell.Command) {
	remote := false
	for k, v := range c.Via {
		if runsPackage(v, a.viaArgs(i, c, k)) && remotePackage(c.Program, "") {
			a.add(Effect{Kind: RemoteCode, Cmd: i, Detail: "package", Word: c.Program})
			remote = true
		}
	}
	if !remote && len(c.Via) > 0 && programURL(c.Program) {
		// uv run https://…/x.py, pipenv run https://…: a runner handed a
		// script by its URL fetches it and runs it, whatever the runner
		a.add(Effect{Kind: RemoteCode, Cmd: i, Detail: "package", Word: c.Program})
	}
}
