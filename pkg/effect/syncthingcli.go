package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// Syncthing's CLI changes the running daemon's configuration as its REST
// API does (engine/localadmin.go reads the API's bodies): a folder added
// (syncthing cli config folders add --path DIR) is a directory put up to
// be synced to the devices it is shared with, judged as the copy that
// sharing makes, rsync of DIR to a device nobody here knows; a device
// added, or a folder shared with one (config devices add, config folders
// ID devices add), grants another machine access: destroy:access.

// syncthingCLI adds the effects of command i when it is syncthing cli
// config changing the folders or devices.
func (a *analysis) syncthingCLI(i int, c *shell.Command) {
	if c.Name != "syncthing" {
		return
	}
	var words []string // the positional words after "cli"
	path, device := "", ""
	cli := false
	for k := 0; k < len(c.Args); k++ {
		w := c.Args[k]
		if w == "cli" && !cli {
			cli = true
			continue
		}
		opt, val, eq := strings.Cut(w, "=")
		if strings.HasPrefix(w, "-") {
			if !eq && k+1 < len(c.Args) && !strings.HasPrefix(c.Args[k+1], "-") && syncthingValueOpt(opt) {
				k++
				val = c.Args[k]
			}
			switch opt {
			case "--path":
				path = val
			case "--device-id":
				device = val
			}
			continue
		}
		if cli {
			words = append(words, w)
		}
	}
	if len(words) < 3 || words[0] != "config" {
		return
	}
	last := words[len(words)-1]
	switch {
	case words[1] == "folders" && len(words) == 3 && last == "add" && path != "":
		p := a.clean(path, i)
		res := shell.Parse("rsync -a -- '" + strings.ReplaceAll(p, "'", `'\''`) + "'/ syncthing-device:")
		if !res.Unparsed {
			for _, x := range Of(&res, nil, a.env) {
				x.Cmd = i
				a.add(x)
			}
		}
		shell.Release(&res)
	case last == "add" && words[len(words)-2] == "devices" && device != "":
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "access", Word: "syncthing shares with device " + device})
	}
}

// syncthingValueOpt reports a syncthing cli option that takes a value.
func syncthingValueOpt(opt string) bool {
	switch opt {
	case "--path", "--id", "--label", "--type", "--device-id", "--name", "--addresses", "--gui-address", "--gui-apikey", "--home", "--config", "--data", "--rescan-intervals", "--compression":
		return true
	}
	return false
}
