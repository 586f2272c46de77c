package shell

import (
	"strings"

	"rampart.dev/pkg/internal/substrs"
)

// The clipboard read back by code, in the languages agents write
// one-liners in: pyperclip.paste() (however pyperclip was imported: as p,
// or paste itself), tkinter's clipboard_get(), clipboardy's read and
// readSync, the browser's navigator.clipboard.readText(), Qt's and .NET's
// clipboard text. What was copied (a password among it) is what the code
// then holds: a capture, as the screen's is, whose output is the
// clipboard's kind and which sent away is a leak.

// clipboardLibs pair a library's mark in the code with the calls that read
// the clipboard through it.
var clipboardLibs = [...]struct {
	lib   string
	reads []string
}{
	{"pyperclip", []string{"paste("}},
	{"clipboard_get", []string{"clipboard_get("}},
	{"clipboardy", []string{"readSync(", ".read(", "read()"}},
	{"navigator.clipboard", []string{"readText(", ".read("}},
	{"clipboard()", []string{".text("}},
	{"Clipboard", []string{"GetText(", "getContents(", "getData("}},
	{"xerox", []string{"paste("}},
	{"klembord", []string{"get(", "get_text("}},
}

// readsClipboard reports code that reads the clipboard back.
func readsClipboard(code string) bool {
	if !strings.Contains(code, "lipboard") && !strings.Contains(code, "pyperclip") && !strings.Contains(code, "xerox") && !strings.Contains(code, "klembord") {
		return false // the common case, one scan
	}
	for _, l := range clipboardLibs {
		if !strings.Contains(code, l.lib) {
			continue
		}
		for _, r := range l.reads {
			if strings.Contains(code, r) || namedRead(code, r) {
				return true
			}
		}
	}
	return false
}

// namedRead reports code that names a reading function without calling it
// there: imported under another name (from pyperclip import paste as
// pp) or bound to one (f = pyperclip.paste): the call through that name
// reads the clipboard as well.
func namedRead(code, call string) bool {
	name, ok := strings.CutSuffix(call, "(")
	if !ok || name == "" || !isIdent(name[len(name)-1]) {
		return false
	}
	for k := range substrs.Occurrences(code, name) {
		at := k + len(name)
		if k > 0 && isIdent(code[k-1]) {
			continue
		}
		if at == len(code) {
			return true
		}
		switch code[at] {
		case ' ', '\t', '\n', ';', ',', ')':
			before := strings.TrimRight(code[:k], " \t")
			if strings.HasSuffix(before, "import") || strings.HasSuffix(before, ",") || strings.HasSuffix(before, "=") || strings.HasSuffix(before, ".") && boundMember(code[:k]) {
				return true
			}
		}
	}
	return false
}

// boundMember reports whether the text before a member's name (…= mod.)
// binds it: an assignment's right side that is the member alone.
func boundMember(before string) bool {
	before = strings.TrimSuffix(before, ".")
	j := len(before)
	for j > 0 && (isIdent(before[j-1]) || before[j-1] == '.') {
		j--
	}
	return strings.HasSuffix(strings.TrimRight(before[:j], " \t"), "=")
}
