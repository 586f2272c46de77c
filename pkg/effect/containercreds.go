package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// A container that runs a known program (catalog images.txt: amazon/aws-cli
// runs aws) and is given that program's own credential directory (-v
// ~/.aws:/root/.aws) uses the keys as the program run here would: the
// mount is neither a read of the keys by unknown code nor a change to
// them. The program's own calls are judged from its words (the walk
// peels the image's command). Any other image given the directory is.

// ownCredentialMount reports whether command i mounts p, a credential
// directory of the program its image runs.
func (a *analysis) ownCredentialMount(i int, p string) bool {
	c := &a.res.Commands[i]
	image := shell.ImageIndex(c.Name, c.Args)
	if image < 0 {
		return false
	}
	cmd, ok := catalog.ImageProgram(c.Args[image], c.Args[image+1:])
	if !ok || len(cmd) == 0 {
		return false
	}
	for _, d := range catalog.CredentialDirs(cmd[0]) {
		if dir := a.clean(d, i); p == dir || strings.HasPrefix(p, dir+"/") {
			return true
		}
	}
	return false
}
