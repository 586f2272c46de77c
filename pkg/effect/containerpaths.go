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

// Mounted is a host directory mounted into a container, and where.
type Mounted struct{ Src, Dst string }

// Container is what a command that starts a container (catalogue
// "runs-image": docker run, podman create) gives it: the words of the
// command it runs (after the image), its working directory (-w), and the
// host directories mounted into it. An entry point given on the command
// line (--entrypoint) is the first of the words.
type Container struct {
	Words   []string
	Workdir string
	Home    string // the home -e HOME=… gives it, or ""
	Binds   []Mounted
	Volumes []Mounted // named volumes (docker run -v pgdata:/data): Src is the name
}

// ContainerOf reads the container a command starts from the catalogue's
// reading of its words (cl, of args); clean makes a host path absolute.
func ContainerOf(cl *catalog.Classified, args []string, clean func(string) string) Container {
	var ct Container
	image := -1
	entry := ""
	for _, w := range cl.Words {
		switch {
		case w.Role == catalog.Mount:
			parts := strings.Split(volumeSpec(w.Text), ":")
			if len(parts) < 2 || parts[0] == "" || !strings.HasPrefix(parts[1], "/") {
				continue
			}
			src := parts[0]
			if !(strings.HasPrefix(src, "/") || strings.HasPrefix(src, "~") || strings.HasPrefix(src, ".") || strings.HasPrefix(src, "$")) {
				ct.Volumes = append(ct.Volumes, Mounted{src, path.Clean(parts[1])}) // a named volume
				continue
			}
			ct.Binds = append(ct.Binds, Mounted{clean(src), path.Clean(parts[1])})
		case w.Option == "--volumes-from":
			// another container's volumes, wherever it mounted them:
			// taken as one volume over the whole tree
			if name := strings.TrimPrefix(w.Text, "="); name != "" {
				ct.Volumes = append(ct.Volumes, Mounted{"of container " + name, "/"})
			}
		case (w.Option == "-e" || w.Option == "--env") && strings.HasPrefix(strings.TrimPrefix(w.Text, "="), "HOME=/"):
			ct.Home = path.Clean(strings.TrimPrefix(strings.TrimPrefix(w.Text, "="), "HOME="))
		case w.Option == "-w" || w.Option == "--workdir":
			if t := strings.TrimPrefix(w.Text, "="); strings.HasPrefix(t, "/") {
				ct.Workdir = path.Clean(t)
			}
		case w.Option == "--entrypoint":
			entry = w.Text
		case w.Option == "" && (image < 0 || w.Index < image):
			image = w.Index // the first operand; the words are not in order
		}
	}
	if image >= 0 && image+1 <= len(args) {
		ct.Words = args[image+1:]
	}
	if entry != "" && image >= 0 {
		// --entrypoint rm … alpine -rf /h: the entry point runs with
		// the words after the image
		ct.Words = append([]string{entry}, ct.Words...)
	}
	return ct
}

// VolumeAt is the named volume a path inside the container lies in, or
// "" (relative paths from its working directory).
func (ct *Container) VolumeAt(p string) string {
	if v, _, ok := ct.under(p, ct.Volumes); ok {
		return v.Src
	}
	return ""
}

// HostPath is the host file a path inside the container names through a
// mount (relative paths from its working directory), or "".
func (ct *Container) HostPath(p string) string {
	if b, rest, ok := ct.under(p, ct.Binds); ok {
		return path.Clean(b.Src + "/" + rest)
	}
	return ""
}

// under finds the mount of ms a path inside the container lies in
// (relative paths from its working directory), and the rest of the path
// below the mount's target.
func (ct *Container) under(p string, ms []Mounted) (Mounted, string, bool) {
	if !strings.HasPrefix(p, "/") {
		if ct.Workdir == "" {
			return Mounted{}, "", false
		}
		p = ct.Workdir + "/" + p
	}
	p = path.Clean(p)
	for _, m := range ms {
		if rest, ok := strings.CutPrefix(p, m.Dst); ok && (rest == "" || rest[0] == '/' || m.Dst == "/") {
			return m, rest, true
		}
	}
	return Mounted{}, "", false
}

// containerReads reports the host files a container's command names
// through the volumes mounted into it.
func (a *analysis) containerReads(i int, cl *catalog.Classified, f *cmdFacts) {
	args := a.res.Commands[i].Args
	ct := ContainerOf(cl, args, func(p string) string { return a.clean(p, i) })
	if len(ct.Binds) == 0 || len(ct.Words) == 0 {
		return
	}
	seen := map[string]bool{}
	for _, w := range ct.Words {
		// (after the image, an option and its value are the container
		// command's: sh -c 'CMD')
		for _, tok := range pathTokens(w) {
			p := ct.HostPath(tok)
			if p == "" || seen[p] {
				continue
			}
			seen[p] = true
			a.add(Effect{Kind: Read, Cmd: i, Path: p, Detail: "container"})
			f.reads = append(f.reads, p)
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
