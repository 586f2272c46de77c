package shell

import "strings"

// Mac installers: a disk image attached (hdiutil attach X.dmg) shows its
// files under its mount point, and an archive ditto extracts (ditto -xk
// X.zip /Applications) lands its files in the target directory. Where the
// image or archive came from, the files there came from too.

// hdiutilValueOpts are hdiutil attach's options that take a value.
var hdiutilValueOpts = [...]string{"-mountpoint", "-mountroot", "-mountrandom", "-shadow", "-drivekey", "-section", "-owners", "-encryption", "-imagekey"}

// MountsImage reports a disk image attached or an archive extracted by
// ditto: the image or archive ("" when it comes on standard input) and
// the directory its files appear under, given the command's name and
// its words after the name.
func MountsImage(name string, args []string) (image, dir string, ok bool) {
	switch name {
	case "hdiutil":
		if len(args) == 0 || args[0] != "attach" && args[0] != "mount" {
			return "", "", false
		}
		dir = "/Volumes" // under the volume's own name, which the line does not say
		for k := 1; k < len(args); k++ {
			w := args[k]
			if hdiutilValueOpt(w) {
				if k+1 < len(args) && (w == "-mountpoint" || w == "-mountroot" || w == "-mountrandom") {
					dir = args[k+1]
				}
				k++
				continue
			}
			if !strings.HasPrefix(w, "-") && image == "" {
				image = w
			}
		}
		return image, dir, image != ""
	case "ditto":
		extract := false
		var ops []string
		for k := 0; k < len(args); k++ {
			w := args[k]
			switch {
			case w == "--arch" || w == "--bom":
				k++
			case w == "-" || !strings.HasPrefix(w, "-"):
				ops = append(ops, w)
			case !strings.HasPrefix(w, "--") && strings.Contains(w, "x"):
				extract = true // -x, -xk
			}
		}
		if !extract || len(ops) != 2 {
			return "", "", false
		}
		if ops[0] == "-" {
			ops[0] = ""
		}
		return ops[0], ops[1], true
	}
	return "", "", false
}

func hdiutilValueOpt(w string) bool {
	for _, o := range hdiutilValueOpts {
		if w == o {
			return true
		}
	}
	return false
}
