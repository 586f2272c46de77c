package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Commands a cloud CLI hands to machines it manages: AWS Systems
// Manager's --parameters 'commands=["…"]', and a startup script or user
// data given inline (--metadata startup-script=…, user-data=…). They run
// on other hosts as root, so a person should look at any (unknown code),
// and the effects of one that parses are judged as the line's own, as a
// shell escape in SQL is (escapes.go).

// remoteCommandKeys introduce the commands in a word.
var remoteCommandKeys = []string{"commands=", `"commands":`, "command=", `"command":`, "startup-script=", "startup_script=", "user-data=", "userdata="}

// remoteCommands reports the commands a cloud CLI's words send to run
// elsewhere.
func (a *analysis) remoteCommands(i int, args []string, cl *catalog.Classified) {
	runs := leadingWords(cl, 4, func(w string) bool {
		return w == "send-command" || w == "run-command" || w == "execute-command"
	})
	// --user-data SCRIPT, --startup-script SCRIPT: the script itself,
	// unless it is read from a file. The words as written: the catalogue
	// does not list every cloud CLI's options.
	for j, arg := range args {
		v, ok := "", false
		for _, o := range []string{"--user-data", "--startup-script"} {
			if arg == o && j+1 < len(args) {
				v, ok = args[j+1], true
			} else if rest, found := strings.CutPrefix(arg, o+"="); found {
				v, ok = rest, true
			}
		}
		if ok && v != "" && !strings.HasPrefix(v, "file://") && !strings.HasPrefix(v, "fileb://") {
			a.remoteCommand(i, v)
		}
	}
	if runs {
		a.documentRun(i, args)
	}
	for _, w := range cl.Words {
		t := w.Text
		switch {
		case runs && strings.HasPrefix(t, "file://"):
			// the commands are in a file the line does not show
			a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: "runs on machines the cloud manages what " + t + " holds"})
			continue
		}
		if len(t) < 10 || !strings.Contains(t, "=") && !strings.Contains(t, ":") {
			continue
		}
		lt := strings.ToLower(t)
		for _, k := range remoteCommandKeys {
			j := strings.Index(lt, k)
			if j < 0 {
				continue
			}
			for _, cmd := range commandList(t[j+len(k):]) {
				a.remoteCommand(i, cmd)
			}
			break
		}
	}
}

// shellDocuments are the Systems Manager documents that run the commands
// their parameters give, which remoteCommands reads.
var shellDocuments = table.Map[string, bool]{Words: "AWS-RunShellScript AWS-RunPowerShellScript"}

// documentRun adds an unknown effect for a command sent to run a document
// whose steps the line does not show (AWS-RunRemoteScript fetching a
// script from a repository, AWS-ApplyPatchBaseline, an account's own).
func (a *analysis) documentRun(i int, args []string) {
	for j, w := range args {
		doc, ok := strings.CutPrefix(w, "--document-name=")
		if !ok && w == "--document-name" && j+1 < len(args) {
			doc, ok = args[j+1], true
		}
		if ok && !shellDocuments.Get(doc) {
			a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: "runs the steps of " + doc + " on machines the cloud manages"})
			return
		}
	}
}

// remoteCommand reports one command sent to run on managed machines: its
// effects, and an unknown one unless it only looks (remoteLooks).
func (a *analysis) remoteCommand(i int, cmd string) {
	res := shell.Parse(cmd)
	var found []Effect
	if !res.Unparsed {
		found = Of(&res, nil, a.env)
	}
	if res.Unparsed || !a.remoteLooks(&res, found) {
		a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: "runs on machines the cloud manages: " + cmd})
	}
	for _, x := range found {
		x.Cmd = i
		a.add(x)
	}
	shell.Release(&res)
}

// remoteLooks reports a command sent to managed machines that only looks
// (uptime, df -h, systemctl status app, tail of a log): every program is
// one the catalogue knows, none changes what the machine runs or has
// installed (fleetruns.go), and all it does is read files, which are
// judged as reads. Anything else (an unknown program, a write, a service
// restarted) is for a person to look at.
func (a *analysis) remoteLooks(res *shell.Result, found []Effect) bool {
	if len(res.Commands) == 0 {
		return false
	}
	for k := range res.Commands {
		c := &res.Commands[k]
		if c.Name == "" || changesMachineState(c) || a.cat.Classify(c.Name, c.Args).Entry == nil {
			return false
		}
	}
	for _, x := range found {
		if x.Kind != Read {
			return false
		}
	}
	return true
}

// commandList reads the commands after a key: a list ["a", "b"] of quoted
// strings, or the rest of the word.
func commandList(v string) []string {
	v = strings.TrimSpace(v)
	if !strings.HasPrefix(v, "[") {
		v = strings.Trim(v, `"'`)
		if k := strings.IndexAny(v, ",}"); k >= 0 && strings.HasPrefix(v, "{") {
			v = v[:k]
		}
		if v == "" {
			return nil
		}
		return []string{v}
	}
	var out []string
	for rest := v[1:]; ; {
		q := strings.IndexAny(rest, `"'`)
		if q < 0 {
			return out
		}
		end := strings.IndexByte(rest[q+1:], rest[q])
		if end < 0 {
			return out
		}
		out = append(out, rest[q+1:q+1+end])
		rest = rest[q+1+end+1:]
		if k := strings.IndexByte(rest, ']'); k >= 0 && !strings.ContainsAny(rest[:k], `"'`) {
			return out
		}
	}
}
