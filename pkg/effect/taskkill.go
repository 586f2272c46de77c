package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// Windows' taskkill ends processes by image name (/IM ssh-agent.exe, -im
// rampart-serve.exe, a wildcard rampart*) or by id (/PID 4242); its
// switches are written with a slash or a dash, in any case. The images it
// names are judged as the names pkill and killall are given: a data
// store's server or the SSH key agent killed (serverkills.go), Rampart's
// own processes stopped (guardkills.go).

// isTaskkill reports whether a command's program is taskkill.
func isTaskkill(name string) bool {
	return strings.EqualFold(name, "taskkill") || strings.EqualFold(name, "taskkill.exe")
}

// taskkillImages returns the image names command c ends, without their
// .exe, lower-cased.
func taskkillImages(c *shell.Command) []string {
	var out []string
	for k := 0; k < len(c.Args); k++ {
		w := c.Args[k]
		if len(w) < 3 || w[0] != '/' && w[0] != '-' || !strings.EqualFold(w[1:], "im") {
			continue
		}
		if k+1 < len(c.Args) {
			k++
			out = append(out, strings.TrimSuffix(strings.ToLower(c.Args[k]), ".exe"))
		}
	}
	return out
}
