package catalog

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed images.txt
var imagesText string

// imageRun is what an image runs: its entrypoint program, or the clients
// it ships that a command after the image may name.
type imageRun struct {
	entrypoint string
	clients    []string
}

var (
	imagesOnce sync.Once
	imageRuns  map[string]imageRun
	credDirs   map[string][]string // program → its credential directories
)

func loadImages() {
	imageRuns, credDirs = map[string]imageRun{}, map[string][]string{}
	for _, line := range strings.Split(imagesText, "\n") {
		f := strings.Fields(line)
		if len(f) == 3 && f[0] == "credentials" {
			for _, p := range strings.Split(f[1], ",") {
				credDirs[p] = strings.Split(f[2], ",")
			}
			continue
		}
		if len(f) != 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if p, ok := strings.CutPrefix(f[1], "="); ok {
			imageRuns[f[0]] = imageRun{entrypoint: p}
		} else {
			imageRuns[f[0]] = imageRun{clients: strings.Split(f[1], ",")}
		}
	}
}

// ImageName is an image reference without its tag, digest and the
// default registry's prefixes (docker.io/library/postgres:16 is postgres).
func ImageName(ref string) string {
	if k := strings.IndexByte(ref, '@'); k >= 0 {
		ref = ref[:k]
	}
	if k := strings.LastIndexByte(ref, ':'); k > strings.LastIndexByte(ref, '/') {
		ref = ref[:k]
	}
	for _, p := range []string{"docker.io/", "index.docker.io/", "registry-1.docker.io/"} {
		ref = strings.TrimPrefix(ref, p)
	}
	return strings.TrimPrefix(ref, "library/")
}

// ImageProgram gives the program a container of the image runs with the
// words after the image (args): its entrypoint program (amazon/aws-cli
// runs aws), or a client the image ships that args[0] names (postgres
// psql). The command is the program's words, program first; ok is false
// for an image the catalogue does not list or a command it does not know.
func ImageProgram(ref string, args []string) (cmd []string, ok bool) {
	imagesOnce.Do(loadImages)
	r, found := imageRuns[ImageName(ref)]
	if !found {
		return nil, false
	}
	if r.entrypoint != "" {
		return append([]string{r.entrypoint}, args...), true
	}
	if len(args) == 0 {
		return nil, false
	}
	prog := args[0]
	if k := strings.LastIndexByte(prog, '/'); k >= 0 {
		prog = prog[k+1:]
	}
	for _, c := range r.clients {
		if c == prog {
			return args, true
		}
	}
	return nil, false
}

// ImageListed reports whether the catalogue lists what an image runs.
func ImageListed(ref string) bool {
	imagesOnce.Do(loadImages)
	_, ok := imageRuns[ImageName(ref)]
	return ok
}

// CredentialDirs gives the directories (written from ~) a program reads
// its own credentials from.
func CredentialDirs(prog string) []string {
	imagesOnce.Do(loadImages)
	return credDirs[prog]
}
