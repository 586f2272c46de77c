package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// Code from a model hub run by trust: trust_remote_code=True tells the
// transformers, datasets and sentence-transformers loaders (and vLLM's
// --trust-remote-code, lm_eval's model_args) to import and run the Python
// files of the hub repository they load, whoever wrote them. That is
// running code straight from a repository, unread: remote-code:hub, asked
// like a pip install from git. The same switch set for a whole program
// (HF_DATASETS_TRUST_REMOTE_CODE=1) counts too. Read in interpreter code
// (its -c text or the program on its input) and in a command's own
// options, not in other operands (grep -rn trust_remote_code=True src/).

// trustsRemoteCode reports text that switches trust_remote_code on:
// trust_remote_code=True (spaces allowed around "="), =1, =true.
func trustsRemoteCode(text string) bool {
	for k := 0; ; {
		j := strings.Index(text[k:], "trust_remote_code")
		if j < 0 {
			j = strings.Index(text[k:], "trust-remote-code")
			if j < 0 {
				return false
			}
		}
		k += j + len("trust_remote_code")
		// trust_remote_code=True, and as a dictionary's or JSON's key:
		// {'trust_remote_code': True}, {"trust_remote_code": true}
		rest := strings.TrimLeft(strings.TrimLeft(text[k:], `'"\`), " ")
		if !strings.HasPrefix(rest, "=") && !strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "==") {
			continue
		}
		v := strings.TrimLeft(rest[1:], ` '"`) // 'true': a string, as true
		for _, on := range trustOnValues {
			if strings.HasPrefix(v, on) && (len(v) == len(on) || !isIdentByte(v[len(on)])) {
				return true
			}
		}
	}
}

// trustOnValues are the spellings of a true value the switch is given.
var trustOnValues = [...]string{"True", "true", "1", "yes", "on", "bool(1)", "bool(True)", "not False", "not 0", "not None"}

// remoteCodeFlag reports an option of a command's own that runs a hub
// repository's code: --trust-remote-code (or --trust_remote_code) alone
// or set true, or an option value holding trust_remote_code=True
// (--model_args pretrained=x,trust_remote_code=True).
func remoteCodeFlag(args []string) string {
	for k, w := range args {
		if w == "--" {
			return ""
		}
		if !strings.HasPrefix(w, "--") {
			if k > 0 && strings.HasPrefix(args[k-1], "--") && trustsRemoteCode(w) {
				return args[k-1] + " " + w
			}
			continue
		}
		name, _, has := strings.Cut(w, "=")
		if (name == "--trust-remote-code" || name == "--trust_remote_code") && (!has || trustsRemoteCode(w[2:])) {
			return w
		}
		if has && trustsRemoteCode(w) {
			return w
		}
	}
	return ""
}

// remoteCodeTrusted adds remote-code:hub for a command that runs a model
// hub repository's code by trust_remote_code: in its interpreter code, its
// own options, or HF_DATASETS_TRUST_REMOTE_CODE set for it.
func (a *analysis) remoteCodeTrusted(i int, c *shell.Command) {
	word := ""
	if mentionsTrust(c) {
		word = remoteCodeFlag(c.Args)
		if word == "" {
			code, ok, stdin := shell.InterpreterCode(c)
			if !ok && stdin && len(c.Stdin) > 0 {
				code, ok = strings.Join(c.Stdin, "\n"), true
			}
			if ok && trustsRemoteCode(code) {
				word = "code with trust_remote_code=True"
			}
		}
	}
	if word == "" && (len(c.Assigns) > 0 || len(c.Via) > 0) {
		for _, kv := range carriedAssigns(a.res, i) {
			if name, val, ok := strings.Cut(kv, "="); ok && trustVar(name, val) {
				word = kv
			}
		}
	}
	if word == "" && len(a.lineEnv) > 0 && endpointClient(c) {
		for name, val := range a.lineEnv {
			if trustVar(name, val) {
				word = name + "=" + val // export HF_DATASETS_TRUST_REMOTE_CODE=1; python prep.py
			}
		}
	}
	if word != "" {
		a.add(Effect{Kind: RemoteCode, Cmd: i, Detail: "hub", Word: c.Name + " " + word + ": a model hub repository's own code run unread"})
	}
}

// mentionsTrust reports a command whose words or input say "trust": the
// cheap test before its code is read.
func mentionsTrust(c *shell.Command) bool {
	for _, w := range c.Args {
		if strings.Contains(w, "trust") {
			return true
		}
	}
	for _, s := range c.Stdin {
		if strings.Contains(s, "trust") {
			return true
		}
	}
	return false
}

// trustVar reports a variable that switches trust_remote_code on for a
// whole program (HF_DATASETS_TRUST_REMOTE_CODE=1).
func trustVar(name, val string) bool {
	val = strings.Trim(val, `'"`)
	return strings.HasSuffix(strings.ToUpper(name), "TRUST_REMOTE_CODE") && (val == "1" || strings.EqualFold(val, "true") || strings.EqualFold(val, "yes") || strings.EqualFold(val, "on"))
}
