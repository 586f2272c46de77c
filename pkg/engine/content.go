package engine

import (
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/shell"
)

// What a write carries: an agent's Write, Edit or NotebookEdit gives the
// text it puts in the file, and a credential in that text (a live key, a
// token, a private key) is a credential written to a file, as a command's
// "cat ~/.aws/credentials > notes.txt" is: the flow flow:credential->file.
// Placeholders and documentation keys are not credentials. And a tool's
// configuration file written whole (~/.npmrc, a git config, pip.conf,
// .cargo/config.toml) holds settings that change what code runs, judged
// as the same text written by a command line is (effect: configFiles).

// maxScannedContent bounds the text of one write that is scanned.
const maxScannedContent = 1 << 20

// judgeWrittenCredential judges a credential in the content written to p.
func (ev *evaluation) judgeWrittenCredential(p, content string) {
	if len(content) < 16 || ev.denied() {
		return
	}
	if len(content) > maxScannedContent {
		content = content[:maxScannedContent]
	}
	kind := credentialIn(content)
	if kind == "" {
		for _, text := range decodedRuns(content) { // paths.go: base64, hex, base32
			if kind = credentialIn(text); kind != "" {
				break
			}
		}
	}
	if kind != "" {
		s := subject{tool: "flow", text: kind + " written to " + p, effect: "flow:credential->file"}
		ev.judge(&s)
	}
}

// judgeWrittenSettings judges the settings the content written to p holds
// when p is a tool's configuration file.
// A configuration file in the home directory written with no text given
// holds settings nobody can see, for every later call: unknown (as a
// command's cp onto it is, effect.unseenConfigWrites).
func (ev *evaluation) judgeWrittenSettings(p, content string) {
	if ev.denied() {
		return
	}
	if content == "" {
		home, cwd := ev.e.env.Home, ev.c.Cwd
		if home != "" && strings.HasPrefix(p, home+"/") && !(cwd != "" && strings.HasPrefix(p, cwd+"/")) && catalog.IsConfigFile(p) {
			ev.judgeEffect(effect.Effect{Kind: effect.Unknown, Cmd: -1, Detail: "settings", Word: "writes " + p + " with settings the call does not show"}, call.ToolWrite)
		}
		return
	}
	res := shell.Result{Files: map[string]string{p: content}}
	c := &ev.c
	for _, ef := range effect.Of(&res, nil, effect.Env{Home: ev.e.env.Home, Cwd: c.Cwd}) {
		ev.judgeEffect(ef, call.ToolWrite)
		if ev.denied() {
			return
		}
	}
}
