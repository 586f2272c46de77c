package main

import (
	"path/filepath"
	"strings"
)

// launchers run the program named by one of their arguments; the server's
// name is taken from that argument rather than from the launcher.
var launchers = map[string]bool{
	"npx": true, "npm": true, "pnpm": true, "pnpx": true, "yarn": true, "bunx": true, "bun": true,
	"node": true, "nodejs": true, "deno": true, "tsx": true, "ts-node": true,
	"uvx": true, "uv": true, "pipx": true, "python": true, "python3": true,
	"docker": true, "podman": true, "go": true, "cargo": true, "sh": true, "bash": true,
	"env": true, "exec": true, "run": true, "x": true, "dlx": true, "tool": true,
}

// optsWithValue are launcher options followed by a value to skip.
var optsWithValue = map[string]bool{
	"-p": true, "--package": true, "--from": true, "--with": true, "-e": true, "--env": true,
	"-v": true, "--volume": true, "--name": true, "--network": true, "-w": true, "--workdir": true,
	"--prefix": true, "-C": true, "--directory": true, "--entrypoint": true, "-u": true, "--user": true,
}

// serverName derives a short name for the server from its command line:
//
//	npx -y @modelcontextprotocol/server-filesystem /tmp  → filesystem
//	node .../@modelcontextprotocol/server-filesystem/dist/index.js → filesystem
//	uvx mcp-server-git                                   → git
//	python -m mcp_server_fetch                           → fetch
//	docker run -i --rm mcp/github                        → github
//	/usr/local/bin/github-mcp-server stdio               → github
func serverName(argv []string) string {
	arg := ""
	for i := 0; i < len(argv); i++ {
		a := argv[i]
		if strings.HasPrefix(a, "-") {
			if optsWithValue[a] {
				i++
			}
			continue
		}
		if strings.Contains(a, "=") && !strings.Contains(a, "/") {
			continue // env VAR=value
		}
		if launchers[filepath.Base(a)] {
			continue
		}
		arg = a
		break
	}
	if arg == "" && len(argv) > 0 {
		arg = argv[0]
	}
	return cleanName(arg)
}

// cleanName reduces a package, module, image or path to the server's name.
func cleanName(s string) string {
	s = strings.TrimRight(s, "/")
	// A script inside a package: take the package's folder.
	if i := strings.LastIndex(s, "node_modules/"); i >= 0 && !strings.Contains(s[i:], "/.bin/") {
		rest := strings.Split(s[i+len("node_modules/"):], "/")
		if strings.HasPrefix(rest[0], "@") && len(rest) > 1 {
			s = rest[1]
		} else {
			s = rest[0]
		}
	}
	base := filepath.Base(s)
	for _, dir := range []string{"dist", "build", "lib", "src", "bin", "out"} {
		stem := strings.TrimSuffix(base, filepath.Ext(base))
		if (stem == "index" || stem == "main" || stem == "server" || stem == "cli") && filepath.Base(filepath.Dir(s)) == dir {
			s = filepath.Dir(filepath.Dir(s))
			base = filepath.Base(s)
			break
		}
	}
	// A package version (@scope/name@1.2.3, name==1.0) or image tag.
	if i := strings.LastIndex(base, "@"); i > 0 {
		base = base[:i]
	}
	if i := strings.Index(base, "=="); i > 0 {
		base = base[:i]
	}
	if i := strings.LastIndex(base, ":"); i > 0 {
		base = base[:i]
	}
	base = strings.TrimSuffix(base, filepath.Ext(base))
	name := strings.ToLower(strings.ReplaceAll(base, "_", "-"))
	for _, affix := range []string{"mcp-server-", "server-", "mcp-"} {
		if t := strings.TrimPrefix(name, affix); t != name && t != "" {
			name = t
			break
		}
	}
	for _, affix := range []string{"-mcp-server", "-server", "-mcp"} {
		if t := strings.TrimSuffix(name, affix); t != name && t != "" {
			name = t
			break
		}
	}
	if name == "" || name == "." {
		return "mcp"
	}
	return name
}
