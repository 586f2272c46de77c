package engine

import (
	"slices"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/internal/table"
)

// An MCP tool that installs a package, an extension or a plugin
// (install_package {manager: apt, name: nmap}, install_extension {id:
// someone.x}) does what the installer's own command line does: it is
// judged as that line, so a system package asks as apt-get install does
// and an extension outside the reviewed list as code --install-extension
// does. The installer is named by an argument (manager, registry,
// ecosystem) or by a word of the tool's or the server's name.

// installNouns are the words of a tool's name for what an install adds.
var installNouns = table.Map[string, bool]{Words: "package packages extension extensions plugin plugins module modules addon addons dependency dependencies software app"}

// installLines are, by the word that names an installer or its registry,
// the command line that installs NAME with it.
var installLines = table.Map[string, string]{Build: func() map[string]string {
	m := map[string]string{
		"vscode": "code --install-extension", "code": "code --install-extension", "cursor": "cursor --install-extension",
		"codium": "codium --install-extension", "extension": "code --install-extension", "extensions": "code --install-extension",
		"npm": "npm install -g", "node": "npm install -g", "yarn": "npm install -g", "pnpm": "npm install -g",
		"pip": "pipx install", "pypi": "pipx install", "python": "pipx install", "pipx": "pipx install",
		"cargo": "cargo install", "crates": "cargo install", "rust": "cargo install",
		"gem": "gem install", "rubygems": "gem install", "ruby": "gem install", "go": "go install",
		"brew": "brew install", "homebrew": "brew install",
	}
	for _, mgr := range strings.Fields("apt apt-get dnf yum zypper apk pacman snap flatpak choco winget scoop port pkg emerge") {
		m[mgr] = mgr + " install"
	}
	m["pacman"], m["emerge"] = "pacman -S", "emerge"
	return m
}}

// installKeys name the argument that holds what is installed.
var installKeys = [...]string{"id", "name", "package", "package_name", "packagename", "extension", "extension_id", "extensionid", "plugin", "module"}

// installerKeys name the argument that says which installer.
var installerKeys = [...]string{"manager", "package_manager", "packagemanager", "registry", "ecosystem", "source", "installer"}

// installLine returns the command line an MCP install tool's call stands
// for, or "".
func installLine(server, tool string, args map[string]any) string {
	words := ToolWords(tool)
	if !slices.Contains(words, "install") && !slices.Contains(words, "add") {
		return ""
	}
	if !slices.ContainsFunc(words, installNouns.Get) {
		return ""
	}
	name := ""
	for _, k := range installKeys {
		if s, ok := args[k].(string); ok && s != "" {
			name = s
			break
		}
	}
	if name == "" {
		return ""
	}
	line := ""
	for _, k := range installerKeys {
		if s, ok := args[k].(string); ok {
			line = installLines.Get(strings.ToLower(s))
			break
		}
	}
	for _, w := range append(words, ToolWords(server)...) {
		if line == "" {
			line = installLines.Get(w)
		}
	}
	if line == "" {
		return ""
	}
	return line + " " + quoteArgv([]string{name})
}

// judgeInstall judges an MCP install tool's call as its command line.
func (w *mcpWalk) judgeInstall(args map[string]any) {
	if line := installLine(w.server, w.tool, args); line != "" {
		w.ev.exec(line, false, call.ToolExec)
	}
}
