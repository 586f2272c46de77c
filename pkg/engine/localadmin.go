package engine

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Two local admin APIs open the machine through a loopback request as
// their CLIs do: the ngrok agent's API (POST /api/tunnels on port 4040)
// starts the tunnel ngrok PROTO ADDR starts, and Caddy's admin API (POST
// /load, /config/… on port 2019) serves what caddy file-server --root
// ROOT --listen ADDR serves. adminCLILines writes a request's body as
// those command lines, which are judged as typed: a tunnel asks, a file
// server of the home or of credentials on a public address is denied
// (a file:// tunnel address is ngrok serving that directory).

// adminCLILines returns the command lines that do what a request with
// body does at the local admin API svc.
func adminCLILines(svc, body string) []string {
	body = strings.TrimSpace(body)
	switch svc {
	case "ngrok":
		var t struct {
			Addr  any    `json:"addr"`
			Proto string `json:"proto"`
		}
		if json.Unmarshal([]byte(body), &t) != nil || t.Addr == nil {
			return nil
		}
		addr := strings.TrimSpace(strings.Trim(jsonScalar(t.Addr), `"`))
		proto := t.Proto
		if proto == "" {
			proto = "http"
		}
		if addr == "" {
			return nil
		}
		return []string{"ngrok " + shellQuote(proto) + " " + shellQuote(addr)}
	case "caddy":
		return caddyServeLines(body)
	case "syncthing":
		return syncthingShareLines(body)
	}
	return nil
}

// syncthingFolder is a folder of Syncthing's configuration: the directory
// it syncs and the devices it syncs it with.
type syncthingFolder struct {
	Path    string `json:"path"`
	Devices []struct {
		DeviceID string `json:"deviceID"`
	} `json:"devices"`
}

// syncthingShareLines returns, for each folder a Syncthing config body
// shares with another device (one folder, a list of them, or a whole
// config's folders), the copy that sharing makes: rsync of the folder's
// directory to that device, judged as a copy to a host nobody here knows.
func syncthingShareLines(body string) []string {
	var folders []syncthingFolder
	var one syncthingFolder
	var whole struct {
		Folders []syncthingFolder `json:"folders"`
	}
	switch {
	case strings.HasPrefix(body, "["):
		if json.Unmarshal([]byte(body), &folders) != nil {
			return nil
		}
	case json.Unmarshal([]byte(body), &whole) == nil && len(whole.Folders) > 0:
		folders = whole.Folders
	case json.Unmarshal([]byte(body), &one) == nil:
		folders = []syncthingFolder{one}
	}
	var out []string
	for _, f := range folders {
		if strings.TrimSpace(f.Path) == "" || len(f.Devices) == 0 {
			continue // a folder kept on this machine only
		}
		p := shellQuote(f.Path)
		if rest, ok := strings.CutPrefix(f.Path, "~/"); ok {
			p = "~/" + shellQuote(rest)
		} else if f.Path == "~" {
			p = "~"
		}
		for _, d := range f.Devices {
			if d.DeviceID != "" {
				out = append(out, "rsync -a -- "+p+"/ syncthing-device:")
				break
			}
		}
	}
	return out
}

// jsonScalar is a JSON scalar's text (a port given as a number).
func jsonScalar(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// caddyServeLines returns caddy file-server lines for the file servers a
// Caddy config (JSON, or a Caddyfile's text) sets up: each root with the
// addresses the config listens on, a public one when it names none.
func caddyServeLines(body string) []string {
	var roots, listen []string
	browse := false
	var v any
	if json.Unmarshal([]byte(body), &v) == nil {
		roots, listen, browse = caddyJSON(v, roots, listen, false, 0)
	} else if strings.Contains(body, "file_server") {
		for _, m := range caddyRoot.Get().FindAllStringSubmatch(body, 8) {
			roots = append(roots, m[1])
		}
		browse = strings.Contains(body, "browse")
		if f := strings.Fields(body); len(f) > 0 && strings.Contains(f[0], ":") {
			listen = append(listen, f[0])
		}
	}
	if len(roots) == 0 {
		return nil
	}
	if len(listen) == 0 {
		listen = []string{":80"}
	}
	var out []string
	for _, r := range roots {
		for _, l := range listen {
			line := "caddy file-server --root " + shellQuote(r) + " --listen " + shellQuote(l)
			if browse {
				line += " --browse"
			}
			out = append(out, line)
		}
	}
	return limitLines(out)
}

// caddyJSON walks a Caddy JSON config for file_server handlers' roots,
// servers' listen addresses and browse.
func caddyJSON(v any, roots, listen []string, browse bool, depth int) ([]string, []string, bool) {
	if depth > 24 {
		return roots, listen, browse
	}
	switch x := v.(type) {
	case map[string]any:
		if x["handler"] == "file_server" {
			if r, ok := x["root"].(string); ok && r != "" {
				roots = append(roots, r)
			} else {
				roots = append(roots, ".")
			}
			if _, ok := x["browse"]; ok {
				browse = true
			}
		}
		if l, ok := x["listen"].([]any); ok {
			for _, a := range l {
				if s, ok := a.(string); ok && !slices.Contains(listen, s) {
					listen = append(listen, s)
				}
			}
		}
		for _, k := range sortedKeys(x) {
			roots, listen, browse = caddyJSON(x[k], roots, listen, browse, depth+1)
		}
	case []any:
		for _, e := range x {
			roots, listen, browse = caddyJSON(e, roots, listen, browse, depth+1)
		}
	}
	return roots, listen, browse
}

// caddyRoot finds a Caddyfile's root directive: root [MATCHER] PATH.
var caddyRoot = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)^\s*root\s+(?:\*\s+|@\S+\s+)?(/\S*)`)
}}
