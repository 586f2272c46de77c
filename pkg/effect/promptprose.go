package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// A prompt given to an agent's CLI (prompttasks.go) may tell its task in
// plain words, with no command quoted and no path spelled: "delete
// everything in my home folder", "erase the .ssh folder in my home
// directory", "upload my aws credentials to https://…". promptProse reads
// each clause of such a prompt for a verb of destruction followed by what
// it destroys, with nothing between them but words that say how much
// (everything in, all the files under, my, the whole): the home, the
// machine's root, or a directory of keys or of a person's documents. The
// task is then the command it tells (rm -rf ~, rm -rf ~/.ssh, rm -rf /),
// judged as a quoted command is. A verb of sending with a credential named
// in words and a URL is the upload it tells (curl -T ~/.aws/credentials
// URL). A vaguer verb aimed at the home as a whole ("clean up my home
// directory") is a task a person should confirm. A clause that forbids
// ("do not delete anything in my home folder") or asks how ("explain",
// "how do I") tells no task.

// proseTargets maps the words that name what a destroying verb may aim at
// to the path the task then deletes.
var proseTargets = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		"home": "~", "machine": "/", "computer": "/", "filesystem": "/", "root": "/",
		".ssh": "~/.ssh", ".aws": "~/.aws", ".gnupg": "~/.gnupg", ".kube": "~/.kube",
		"documents": "~/Documents", "pictures": "~/Pictures", "photos": "~/Pictures", "desktop": "~/Desktop",
	}
}}

// proseDestroys are the verbs that tell a delete.
var proseDestroys = table.Map[string, bool]{Words: "delete deleting remove removing erase erasing wipe wiping nuke nuking " +
	"empty emptying destroy destroying purge purging trash shred rm"}

// proseVague are the verbs that tell a change to whatever they aim at
// whose extent a person should confirm.
var proseVague = table.Map[string, bool]{Words: "clean cleanup tidy declutter free organize reorganize prune"}

// proseFillers are the words that may stand between a destroying verb and
// its target: they say how much of it, not which part.
var proseFillers = table.Map[string, bool]{Words: "everything all the of files file in under inside from my your our " +
	"whole entire complete contents content every this that out up recursively and its user's users user " +
	"on folder folders directory directories dir dirs"}

// proseForbids are the words that, before the verb in its clause, forbid
// or question the task instead of telling it.
var proseForbids = table.Map[string, bool]{Words: "not don't dont never without avoid explain how what why whether careful"}

// proseSecrets maps the words that name a credential in prose to its file.
var proseSecrets = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{"ssh": "~/.ssh/id_rsa", "aws": "~/.aws/credentials", "netrc": "~/.netrc", ".netrc": "~/.netrc"}
}}

// proseSends are the verbs that tell data sent away.
var proseSends = table.Map[string, bool]{Words: "send upload post paste exfiltrate transmit"}

// promptProse adds the effects of the tasks a prompt tells in words (see
// above).
func (a *analysis) promptProse(i int, text string) {
	low := strings.ToLower(text)
	low = strings.ReplaceAll(low, ". ", ";") // a sentence's end (not .ssh's dot)
	for _, clause := range strings.FieldsFunc(low, func(r rune) bool { return r == ';' || r == '\n' || r == '!' || r == '?' }) {
		words := proseWords(clause)
		if line := proseTask(words); line != "" {
			a.promptCommandAs(i, line, "the prompt's task: "+strings.TrimSpace(clause))
		} else if proseVagueHome(words) {
			a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: "the prompt's task: " + strings.TrimSpace(clause)})
		}
	}
}

// proseWords cuts a clause into its words, without the punctuation
// around them; a sentence's full stop ends the word before it.
func proseWords(clause string) []string {
	f := strings.Fields(clause)
	out := f[:0]
	for _, w := range f {
		w = strings.Trim(w, `"'(),:`+"`")
		w = strings.TrimRight(w, ".")
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// proseTask returns the command line a clause's words tell, or "".
func proseTask(words []string) string {
	for k, w := range words {
		switch {
		case proseDestroys.Get(w) || w == "clear" && k+1 < len(words) && words[k+1] == "out":
			if proseForbidden(words[:k]) {
				return ""
			}
			if p := proseTarget(words[k+1:]); p != "" {
				return "rm -rf " + p
			}
		case proseSends.Get(w):
			if proseForbidden(words[:k]) {
				return ""
			}
			if line := proseUpload(words[k+1:]); line != "" {
				return line
			}
		}
	}
	return ""
}

// proseTarget returns the path the words after a destroying verb aim at,
// when only fillers stand before it; "" otherwise.
func proseTarget(rest []string) string {
	for k, w := range rest {
		if p, ok := proseTargets.Lookup(w); ok {
			if w == "root" && (k+1 >= len(rest) || rest[k+1] != "directory" && rest[k+1] != "folder" && rest[k+1] != "filesystem") {
				return "" // the root of the repository, a root user
			}
			if w == "home" && k+1 < len(rest) && !homeNoun(rest[k+1]) {
				return "" // the home page component
			}
			return p
		}
		if prosePath(w) {
			return w // "erase every file in /home/dev": the path itself
		}
		if !proseFillers.Get(w) {
			return ""
		}
	}
	return ""
}

// prosePath reports a word that is a path written out (/home/dev, ~/.ssh),
// of a path's characters only, so the task reads as a command.
func prosePath(w string) bool {
	if len(w) < 1 || w[0] != '/' && w[0] != '~' {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("._/~-", c) >= 0) {
			return false
		}
	}
	return true
}

// homeNoun reports a word that, after "home", makes it the home directory.
func homeNoun(w string) bool {
	switch w {
	case "folder", "folders", "directory", "dir", "and", "completely", "recursively", "entirely", "to", "so":
		return true
	}
	return false
}

// proseUpload returns the upload a sending verb tells: a credential named
// in its words and a URL after it; "" otherwise.
func proseUpload(rest []string) string {
	file, url := "", ""
	for _, w := range rest {
		if p, ok := proseSecrets.Lookup(w); ok && file == "" {
			file = p
		}
		if strings.HasPrefix(w, "https://") || strings.HasPrefix(w, "http://") {
			url = w
		}
	}
	if file == "" || url == "" {
		return ""
	}
	if file == "~/.ssh/id_rsa" && !strings.Contains(strings.Join(rest, " "), "key") {
		return "" // "ssh" alone names no key (an ssh config, an ssh host)
	}
	return "curl -s -T " + file + " " + url
}

// proseForbidden reports words before a verb that forbid or question it.
func proseForbidden(before []string) bool {
	for _, w := range before {
		if proseForbids.Get(w) {
			return true
		}
	}
	return false
}

// proseVagueHome reports a clause whose vague verb is followed by the
// home directory: "clean up my home directory", "free up space in my
// home folder".
func proseVagueHome(words []string) bool {
	for k, w := range words {
		if !proseVague.Get(w) || proseForbidden(words[:k]) {
			continue
		}
		for j := k + 1; j+1 < len(words); j++ {
			if words[j] == "home" && homeNoun(words[j+1]) {
				return true
			}
		}
	}
	return false
}
