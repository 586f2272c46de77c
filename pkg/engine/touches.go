package engine

import (
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/match"
)

// touch is something a command reads, writes or reaches: a path (tool read
// or write), a URL or host (fetch) or a SQL statement (sql).
type touch struct {
	tool string
	arg  string
}

// notFiles are programs whose arguments are text, not files.
var notFiles = map[string]bool{
	"echo": true, "printf": true, "true": false, "test": true, "[": true, "expr": true,
	"sleep": true, "kill": true, "pkill": true, "killall": true, "which": true, "type": true,
	"export": true, "alias": true, "set": true, "exit": true, "read": true, "date": true,
	"sudo": true, "doas": true, "env": true, "nice": true, "nohup": true, "timeout": true,
	"time": true, "stdbuf": true, "xargs": true, "command": true, "builtin": true, "exec": true,
	"eval": true, "bash": true, "sh": true, "zsh": true, "dash": true, "ksh": true, "fish": true,
	"ssh": true, "watch": true, "npm": true, "pip": true, "pip3": true, "yarn": true, "pnpm": true,
	"apt": true, "apt-get": true, "brew": true, "go": false, "docker": true, "kubectl": true,
	"python": true, "python3": true, "node": true, "perl": true, "ruby": true, "php": true,
	"notify-send": true, "say": true, "logger": true,
	// These read names and metadata, not contents.
	"ls": true, "stat": true, "du": true, "tree": true, "realpath": true, "readlink": true,
	"basename": true, "dirname": true, "cd": true, "pushd": true, "mkdir": false,
}

// netPrograms take hosts or URLs as plain arguments.
var netPrograms = map[string]bool{
	"curl": true, "wget": true, "http": true, "https": true, "xh": true, "aria2c": true,
	"nc": true, "ncat": true, "netcat": true, "telnet": true, "socat": false, "ftp": true,
	"lynx": true, "links": true, "w3m": true,
}

// subcommandPrograms take a subcommand as their first argument ("git
// status"), which is not a file.
var subcommandPrograms = map[string]bool{
	"git": true, "go": true, "cargo": true, "npm": true, "pnpm": true, "yarn": true, "bun": true,
	"docker": true, "podman": true, "kubectl": true, "helm": true, "terraform": true, "tofu": true,
	"gh": true, "glab": true, "aws": true, "gcloud": true, "az": true, "systemctl": true, "brew": true,
	"apt": true, "apt-get": true, "dnf": true, "yum": true, "pip": true, "pip3": true, "poetry": true,
	"uv": true, "rustup": true, "make": false, "dotnet": true, "mvn": false, "gradle": false,
}

// remotePrograms take [user@]host[:path] arguments.
var remotePrograms = map[string]bool{"ssh": true, "scp": true, "sftp": true, "rsync": true, "mosh": true}

// sqlPrograms run the statement given with -c, -e or --command.
var sqlPrograms = map[string]bool{"psql": true, "mysql": true, "mariadb": true, "sqlite3": true, "clickhouse-client": true, "cockroach": true}

// touches lists what one simple command reads, writes and reaches.
func touches(a *match.Argv) []touch {
	var out []touch
	name := a.Name
	if sqlPrograms[name] {
		for i, x := range a.Args {
			if (x == "-c" || x == "-e" || x == "--command" || x == "--execute") && i+1 < len(a.Args) {
				out = append(out, touch{toolSQL, a.Args[i+1]})
			} else if strings.HasPrefix(x, "--command=") || strings.HasPrefix(x, "--execute=") {
				out = append(out, touch{toolSQL, x[strings.IndexByte(x, '=')+1:]})
			}
		}
		if name == "sqlite3" && len(a.Positional) > 1 {
			out = append(out, touch{toolSQL, strings.Join(a.Positional[1:], " ")})
		}
	}
	// URLs anywhere, also inside --flag=value.
	for _, x := range a.Args {
		v := x
		if i := strings.IndexByte(x, '='); i > 0 && strings.HasPrefix(x, "-") {
			v = x[i+1:]
		}
		if strings.Contains(v, "://") {
			out = append(out, touch{call.ToolFetch, v})
		}
	}
	pos := a.Positional
	switch {
	case netPrograms[name]:
		for _, x := range pos {
			if !strings.Contains(x, "://") && looksLikeHost(x) {
				out = append(out, touch{call.ToolFetch, x})
			}
		}
		out = append(out, netFileArgs(a)...)
		return out
	case remotePrograms[name]:
		for i, x := range pos {
			if host, ok := remoteHost(x, name == "ssh" && i == 0); ok {
				out = append(out, touch{call.ToolFetch, "ssh://" + host})
			} else if name != "ssh" && name != "mosh" {
				tool := call.ToolRead
				if i == len(pos)-1 && len(pos) > 1 {
					tool = call.ToolWrite
				}
				out = append(out, touch{tool, x})
			}
		}
		return out
	case name == "git":
		for _, x := range pos {
			if host, ok := remoteHost(x, false); ok {
				out = append(out, touch{call.ToolFetch, "ssh://" + host})
			}
		}
	case name == "dd":
		for _, x := range a.Args {
			if strings.HasPrefix(x, "of=") {
				out = append(out, touch{call.ToolWrite, x[3:]})
			} else if strings.HasPrefix(x, "if=") {
				out = append(out, touch{call.ToolRead, x[3:]})
			}
		}
		return out
	case notFiles[name]:
		return out
	}
	writeAll, lastWrites := writers(a)
	for i, x := range pos {
		if !pathish(x) || i == 0 && subcommandPrograms[name] {
			continue
		}
		tool := call.ToolRead
		if writeAll || lastWrites && i == len(pos)-1 && len(pos) > 1 {
			tool = call.ToolWrite
		}
		out = append(out, touch{tool, x})
	}
	return out
}

// writers says whether a program writes all its file arguments, or only
// the last one (a destination).
func writers(a *match.Argv) (all, last bool) {
	switch a.Name {
	case "rm", "rmdir", "unlink", "shred", "truncate", "touch", "mkdir", "chmod", "chown", "chgrp",
		"tee", "chattr", "setfacl", "mkfs", "wipefs", "srm":
		return true, false
	case "cp", "mv", "install", "ln", "rsync":
		return false, true
	case "sed", "perl":
		return a.HasFlag("-i"), false
	}
	return false, false
}

// netFileArgs are files curl and wget read (upload) or write (output).
func netFileArgs(a *match.Argv) []touch {
	var out []touch
	for i, x := range a.Args {
		next := ""
		if i+1 < len(a.Args) {
			next = a.Args[i+1]
		}
		switch {
		case x == "-o" || x == "--output" || x == "-O" && a.Name == "wget" || x == "--output-document":
			if next != "" && next != "-" {
				out = append(out, touch{call.ToolWrite, next})
			}
		case x == "-T" || x == "--upload-file":
			out = append(out, touch{call.ToolRead, next})
		case x == "-d" || x == "--data" || x == "--data-binary" || x == "--data-raw" || x == "--data-urlencode" || x == "-F" || x == "--form":
			if j := strings.IndexByte(next, '@'); j >= 0 {
				f := next[j+1:]
				if k := strings.IndexAny(f, ",;"); k >= 0 {
					f = f[:k] // -F 'file=@path;type=text/plain'
				}
				if f != "" && f != "-" {
					out = append(out, touch{call.ToolRead, f})
				}
			}
		case strings.HasPrefix(x, "--post-file=") || strings.HasPrefix(x, "--body-file="):
			out = append(out, touch{call.ToolRead, x[strings.IndexByte(x, '=')+1:]})
		case x == "--post-file" || x == "--body-file":
			out = append(out, touch{call.ToolRead, next})
		}
	}
	return out
}

// pathish reports whether an argument may name a file. Text with spaces or
// newlines, and flags' values that are plainly not files, are skipped.
func pathish(x string) bool {
	if x == "" || x == "-" || strings.ContainsAny(x, " \n\t") || strings.Contains(x, "://") {
		return false
	}
	return true
}

// looksLikeHost reports whether a bare argument of a network program names
// a host: a dotted name or an IP literal, not a flag value or a file.
func looksLikeHost(x string) bool {
	if x == "" || strings.HasPrefix(x, "/") || strings.HasPrefix(x, ".") || strings.HasPrefix(x, "~") || strings.HasPrefix(x, "@") {
		return false
	}
	h := x
	if i := strings.IndexAny(h, "/?#"); i >= 0 {
		h = h[:i]
	}
	return strings.Contains(h, ".") || h == "localhost" || isDigits(h)
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) > 0
}

// remoteHost extracts the host of "[user@]host:path" (scp, rsync, git) or,
// for ssh's first argument, "[user@]host".
func remoteHost(x string, bare bool) (string, bool) {
	if strings.Contains(x, "://") || strings.HasPrefix(x, "/") || strings.HasPrefix(x, ".") || strings.HasPrefix(x, "~") {
		return "", false
	}
	h := x
	if i := strings.IndexByte(h, '@'); i >= 0 {
		h = h[i+1:]
	}
	if i := strings.IndexByte(h, ':'); i >= 0 {
		h = h[:i]
	} else if !bare {
		return "", false
	}
	if h == "" || strings.ContainsAny(h, "/ ") {
		return "", false
	}
	return h, true
}
