package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Code from where nobody here reads it, run: a script or program that
// sits in a tree of other people's code copied into the project (vendor/,
// third_party/), or in the home's downloads, started by path (./third_party/
// build.run) or handed to an interpreter (sh ./vendor/install.sh, python3
// ~/Downloads/fix.py, java -jar ~/Downloads/tool.jar). The project's own
// scripts are its code, reviewed with it; a vendored tree and a download
// are whatever their publisher shipped, and what they do is not on the
// line. So is what an archive from there held, unpacked on the line and
// run (tar xzf ~/Downloads/x.tgz && ./x/setup.sh): it lands over whatever
// was in its directory; and so is a file from there copied or moved on the
// line and run from where it landed (cp ~/Downloads/x.sh scripts/ && bash
// scripts/x.sh). The effect is Unknown with the detail "code"
// (standard asks). A
// package manager's linked tools (vendor/bin/phpunit, a bin directory
// under a vendored tree) are its installed dependencies, listed in the
// manifest, and run as they always are.

// thirdPartyTrees are the directory names that hold other people's code
// copied into a project.
var thirdPartyTrees = table.Map[string, bool]{Words: "vendor third_party third-party thirdparty 3rdparty"}

// unreadPlace reports where the cleaned path p lies when nobody here reads
// what is there: a third-party tree of a project, or the home's downloads.
func (a *analysis) unreadPlace(p string) string {
	if h := a.env.Home; h != "" {
		if strings.HasPrefix(p, h+"/Downloads/") {
			return "the downloads"
		}
	}
	dir := path.Dir(p)
	if b := path.Base(dir); b == "bin" || b == ".bin" {
		return "" // vendor/bin/phpunit: a package manager's linked tool
	}
	for seg := range strings.SplitSeq(dir, "/") {
		if thirdPartyTrees.Get(seg) {
			return seg + "/"
		}
		if seg == "downloads" || seg == "Downloads" {
			return "a downloads directory" // the project's downloads/: what someone saved there
		}
	}
	return ""
}

// scriptRun returns the file a command runs: its program when started by
// path, the script an interpreter or shell is given as its first word, or
// the archive java -jar runs; "" when none.
func scriptRun(c *shell.Command) string {
	if strings.Contains(c.Program, "/") {
		return c.Program
	}
	if c.Name == "open" {
		return openedApp(c.Args)
	}
	if c.Name == "java" || c.Name == "javaw" {
		for k, w := range c.Args {
			if (w == "-jar" || w == "-cp" || w == "-classpath" || w == "--class-path") && k+1 < len(c.Args) {
				// java -cp ~/Downloads/tool.jar acme.Main: the class runs
				// from the first archive or directory of the path
				first, _, _ := strings.Cut(c.Args[k+1], ":")
				return first
			}
		}
		return ""
	}
	args := shell.RunVerbDropped(c.Name, c.Args) // deno run ~/Downloads/x.ts
	if !c.ShellOrInterpreter() || len(args) == 0 {
		return ""
	}
	if w := args[0]; !strings.HasPrefix(w, "-") && w != "" {
		return w // sh ./vendor/install.sh, python3 ~/Downloads/fix.py, sh setup.sh
	}
	return ""
}

// unreadCodeRuns adds an Unknown "code" effect for each command that runs
// a file from a third-party tree or the downloads.
func (a *analysis) unreadCodeRuns() {
	var unpacked []unpackedTree // archives from such places unpacked earlier on the line
	for i := range a.res.Commands {
		c := &a.res.Commands[i]
		archive, dest := extractsArchive(c)
		if archive == "-" {
			archive = a.pipedFile(i) // zcat ~/Downloads/kit.tgz | tar -x
		}
		if archive != "" && archive != "-" && !unresolved(archive) {
			if where := a.unreadPlace(a.clean(archive, i)); where != "" {
				unpacked = append(unpacked, unpackedTree{dir: a.clean(dest, i), archive: archive, where: where})
			}
			continue
		}
		if namesDownloads(c.Args) { // (most commands name no download: nothing to look up)
			if srcs, dest := copiesFiles(c); dest != "" && !unresolved(dest) {
				// cp ~/Downloads/deploy.sh scripts/ && bash scripts/deploy.sh:
				// the copy is the download's code, under its name or the new one
				for _, src := range srcs {
					if where := a.unreadPlace(a.clean(src, i)); where != "" && !unresolved(src) {
						d := a.clean(dest, i)
						unpacked = append(unpacked, unpackedTree{file: d, archive: src, where: where},
							unpackedTree{file: d + "/" + path.Base(src), archive: src, where: where})
						if copiesTree(c) {
							// cp -r ~/Downloads/kit . && kit/install.sh, rsync -a
							// ~/Downloads/kit/ tools/kit/: the tree's files, under
							// its name or the destination's
							unpacked = append(unpacked, unpackedTree{dir: d + "/" + path.Base(src), archive: src, where: where})
							if strings.HasSuffix(src, "/") || c.Name != "rsync" && !isDirLike(dest) {
								unpacked = append(unpacked, unpackedTree{dir: d, archive: src, where: where})
							}
						}
					}
				}
				continue
			}
			if pkg, where := a.installsUnread(i, c); pkg != "" {
				// pip install ~/Downloads/sdk.tar.gz: its build and install
				// scripts run
				a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: pkg + " (a package from " + where + " nobody here has read, installed)"})
				continue
			}
		}
		f := scriptRun(c)
		if f == "" || unresolved(f) {
			continue
		}
		p := a.clean(f, i)
		if where := a.unreadPlace(p); where != "" {
			a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: f + " (code from " + where + " nobody here has read)"})
			continue
		}
		for _, u := range unpacked {
			if u.file != "" {
				if p == u.file {
					a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: f + " (copied from " + u.archive + ", code from " + u.where + " nobody here has read)"})
					break
				}
				continue
			}
			if strings.HasPrefix(p, strings.TrimSuffix(u.dir, "/")+"/") {
				// tar xzf ~/Downloads/installer.tgz && ./installer/setup.sh:
				// what the archive held, over whatever was there
				a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: f + " (unpacked from " + u.archive + ", code from " + u.where + " nobody here has read)"})
				break
			}
		}
	}
}

// unpackedTree is a directory an archive from where nobody reads it was
// unpacked into on the line, or a file (file) such a file was copied or
// moved to (archive is then the file it came from).
type unpackedTree struct{ dir, file, archive, where string }

// namesDownloads reports whether an argument may name a file in a
// downloads directory.
func namesDownloads(args []string) bool {
	for _, w := range args {
		// (the length first: most words are shorter, and are passed
		// over without a call)
		if len(w) >= len("ownloads") && strings.Contains(w, "ownloads") {
			return true
		}
	}
	return false
}

// copiesFiles returns the sources and the destination of a copy or a move
// (cp, mv, install with no -d, rsync, ln), or nil, "".
func copiesFiles(c *shell.Command) (srcs []string, dest string) {
	switch c.Name {
	case "cp", "mv", "install", "rsync", "ln", "gcp", "gmv":
	default:
		return nil, ""
	}
	var ops []string
	for k, w := range c.Args {
		if w == "-t" || w == "--target-directory" {
			if k+1 < len(c.Args) {
				dest = c.Args[k+1]
			}
			continue
		}
		if t, ok := strings.CutPrefix(w, "--target-directory="); ok {
			dest = t
			continue
		}
		if w == "-d" && c.Name == "install" {
			return nil, ""
		}
		if !strings.HasPrefix(w, "-") && (k == 0 || c.Args[k-1] != "-t" && c.Args[k-1] != "-m" && c.Args[k-1] != "--target-directory") {
			ops = append(ops, w)
		}
	}
	if dest != "" {
		return ops, dest
	}
	if len(ops) < 2 {
		return nil, ""
	}
	return ops[:len(ops)-1], ops[len(ops)-1]
}

// copiesTree reports a copy of whole directories: cp -r, -R, -a (or
// --recursive, --archive), rsync -r or -a.
func copiesTree(c *shell.Command) bool {
	for _, w := range c.Args {
		if w == "--recursive" || w == "--archive" {
			return true
		}
		if strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "--") && strings.ContainsAny(w[1:], "rRa") {
			return true
		}
	}
	return false
}

// isDirLike reports a destination written as an existing directory's
// name would be (".", "..", a trailing slash): a copy lands inside it.
func isDirLike(d string) bool {
	return d == "." || d == ".." || strings.HasSuffix(d, "/")
}

// extractsArchive returns the archive a command unpacks and the directory
// it unpacks it into ("." when none is given), or "", "": tar x (-x,
// --extract, xzf), unzip (not -l, -t, -v, -Z), 7z and unrar x or e.
func extractsArchive(c *shell.Command) (archive, dest string) {
	extracting := false
	dest = "."
	switch c.Name {
	case "hdiutil", "ditto":
		// hdiutil attach X.dmg, ditto -xk X.zip /Applications: the
		// image's or archive's files, under its mount point or target
		image, dir, ok := shell.MountsImage(c.Name, c.Args)
		if !ok {
			return "", ""
		}
		if image == "" {
			image = "-"
		}
		return image, dir
	case "tar", "bsdtar", "gtar":
		for k, w := range c.Args {
			switch {
			case w == "--extract" || w == "--get":
				extracting = true
			case w == "-C" || w == "--directory" || strings.HasPrefix(w, "--directory="):
				// (the catalogue's cd role: the command's own directory is
				// already the one it unpacks into, dest stays ".")
			case k == 0 && !strings.HasPrefix(w, "-") || strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "--"):
				extracting = extracting || strings.Contains(w, "x")
			}
		}
	case "unzip":
		extracting = true
		for k, w := range c.Args {
			switch {
			case w == "-l" || w == "-t" || w == "-v" || w == "-Z" || w == "-p":
				return "", ""
			case w == "-d" && k+1 < len(c.Args):
				dest = c.Args[k+1]
			case strings.HasPrefix(w, "-d") && len(w) > 2:
				dest = w[2:] // -dout
			}
		}
	case "dpkg-deb":
		// dpkg-deb -x ARCHIVE DIR: the package's files, unpacked
		for k, w := range c.Args {
			if (w == "-x" || w == "-X" || w == "-R" || w == "--extract" || w == "--vextract" || w == "--raw-extract") && k+2 < len(c.Args) {
				return c.Args[k+1], c.Args[k+2]
			}
		}
		return "", ""
	case "cpio":
		// cpio -idm < ARCHIVE: copy-in reads the archive from its input
		for _, w := range c.Args {
			if w == "--list" || strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "--") && strings.Contains(w, "t") {
				return "", "" // cpio -it: a listing
			}
		}
		for _, w := range c.Args {
			if w == "--extract" || strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "--") && strings.Contains(w, "i") {
				for _, r := range c.Redirects {
					if r.Op == "<" && (r.FD == "" || r.FD == "0") {
						return r.Target, "."
					}
				}
				return "-", "."
			}
		}
		return "", ""
	case "python", "python3":
		// python3 -m zipfile -e ARCHIVE DIR (tarfile alike)
		if len(c.Args) >= 5 && c.Args[0] == "-m" && (c.Args[1] == "zipfile" || c.Args[1] == "tarfile") &&
			(c.Args[2] == "-e" || c.Args[2] == "--extract") {
			return c.Args[3], c.Args[4]
		}
		return "", ""
	case "7z", "7za", "7zz", "unrar":
		extracting = len(c.Args) > 0 && (c.Args[0] == "x" || c.Args[0] == "e")
		for _, w := range c.Args {
			if d, ok := strings.CutPrefix(w, "-o"); ok && d != "" && c.Name != "unrar" {
				dest = d
			}
		}
	}
	if !extracting {
		return "", ""
	}
	first := "" // the first operand, when none has an archive's ending
	for _, w := range c.Args {
		if w == "-" || w == "--file=-" {
			return "-", dest // tar -xf -: the archive is its input
		}
	}
	for k, w := range c.Args {
		if v, ok := strings.CutPrefix(w, "--file="); ok {
			return v, dest // tar -x --file=~/Downloads/blob
		}
		if strings.HasPrefix(w, "-") || k > 0 && (c.Args[k-1] == "-C" || c.Args[k-1] == "-d" || c.Args[k-1] == "--directory") ||
			k == 0 && c.Name != "unzip" {
			continue // an option, the directory, tar's letters (xzf) or 7z's x
		}
		for _, ext := range archiveExts { // shadow.go
			if strings.HasSuffix(strings.ToLower(w), ext) {
				return w, dest
			}
		}
		if first == "" {
			first = w
		}
	}
	if first == "" && (c.Name == "tar" || c.Name == "bsdtar" || c.Name == "gtar") && !tarNamesFile(c.Args) {
		return "-", dest // tar -x with no -f: the archive is its input
	}
	return first, dest
}

// tarNamesFile reports whether tar's words name its archive by -f (in a
// cluster, xzf) or --file.
func tarNamesFile(args []string) bool {
	for k, w := range args {
		if w == "--file" || strings.HasPrefix(w, "--file=") ||
			strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "--") && strings.Contains(w, "f") ||
			k == 0 && !strings.HasPrefix(w, "-") && strings.Contains(w, "f") {
			return true
		}
	}
	return false
}

// pipedFile returns the file the stage before command i in its pipeline
// reads (zcat ~/Downloads/kit.tgz | tar -x: its first operand), or "".
func (a *analysis) pipedFile(i int) string {
	c := &a.res.Commands[i]
	if c.Stage == 0 {
		return ""
	}
	for k := i - 1; k >= 0; k-- {
		d := &a.res.Commands[k]
		if d.Pipeline != c.Pipeline || d.Stage != c.Stage-1 {
			continue
		}
		for _, w := range d.Args {
			if !strings.HasPrefix(w, "-") {
				return w
			}
		}
		for _, r := range d.Redirects {
			if r.Op == "<" && (r.FD == "" || r.FD == "0") {
				return r.Target // gunzip < ~/Downloads/kit.tgz | tar x
			}
		}
		return ""
	}
	return ""
}

// installsUnread returns a package a package manager installs (the
// catalogue's "installs") from a file or directory in the downloads, and
// where that is, or "", "".
func (a *analysis) installsUnread(i int, c *shell.Command) (pkg, where string) {
	for _, w := range c.Args {
		if strings.HasPrefix(w, "-") || !strings.Contains(w, "/") || unresolved(w) {
			continue
		}
		if where = a.unreadPlace(a.clean(w, i)); strings.Contains(where, "downloads") {
			pkg = w // (a vendored package is the project's dependency, pinned in its tree)
			break
		}
	}
	if pkg == "" {
		return "", "" // most commands name nothing there: no classifying
	}
	cl := a.cat.Classify(c.Name, c.Args)
	if cl.Entry == nil || !cl.Entry.HasProps() || cl.Entry.Prop("installs") == "" {
		return "", ""
	}
	for _, w := range cl.Words {
		if w.Role == catalog.Package && w.Text == pkg {
			return pkg, where
		}
	}
	return "", ""
}

// openedApp returns the application the Mac's open launches: the one -a
// names, as installed in /Applications, or an operand that is an
// application bundle or a script the Finder runs (.app, .command, .pkg);
// "" for a document, which opens in its viewer.
func openedApp(args []string) string {
	app := ""
	for k, w := range args {
		if w == "-a" && k+1 < len(args) {
			app = "/Applications/" + strings.TrimSuffix(args[k+1], ".app") + ".app"
		}
		if strings.HasPrefix(w, "-") || k > 0 && args[k-1] == "-a" {
			continue
		}
		for _, ext := range [...]string{".app", ".app/", ".command", ".pkg", ".mpkg"} {
			if strings.HasSuffix(w, ext) {
				return w // open -a Terminal x.command: the script runs
			}
		}
	}
	return app
}
