package shell

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Keys typed into a terminal one at a time (tmux send-keys, screen -X
// stuff, a terminal tool's {"keys": [...]}) spell the lines a shell runs.
// Enter's names end a line, Space and Tab are their blanks, a
// backspace takes back the character before it (so "rm -rf ~x", BSpace,
// Enter is rm -rf ~), and C-c drops the line being typed. A key that moves the cursor or cuts text (Left,
// Home, C-a, C-u, M-b…) makes the line's final text unknowable from the
// keys' order: the line is judged as typed and also as an unknown line
// run (eval "$CURSOR_EDITED_LINE"), so it is never allowed silently.

// cursorEditedLine is what a line edited by cursor keys is judged as,
// besides the keys' text in order.
const cursorEditedLine = `eval "$CURSOR_EDITED_LINE"`

// typedLine collects the text typed keys spell.
type typedLine struct {
	b      []byte
	start  int  // where the current line starts in b
	edited bool // a cursor or cutting key was pressed on the current line
}

// key adds what one typed key or run of text does to the text.
func (t *typedLine) key(w string) {
	switch w {
	case "Enter", "C-m", "KPEnter", "C-j", "Return":
		t.end()
		return
	case "Space":
		t.b = append(t.b, ' ')
		return
	case "Tab":
		t.b = append(t.b, '\t')
		return
	case "C-c":
		// the shell drops the line being typed, and runs nothing
		t.b, t.edited = t.b[:t.start], false
		return
	case "BSpace", "C-h", "C-?":
		if len(t.b) > t.start {
			_, n := utf8.DecodeLastRune(t.b[t.start:])
			t.b = t.b[:len(t.b)-n]
		}
		return
	}
	if cursorKey(w) {
		t.edited = true
		return
	}
	for {
		i := strings.Index(w, "^M")
		if j := strings.IndexByte(w, '\n'); j >= 0 && (i < 0 || j < i) {
			t.b = append(t.b, w[:j]...)
			t.end()
			w = w[j+1:]
			continue
		}
		if i < 0 {
			break
		}
		t.b = append(t.b, w[:i]...)
		t.end()
		w = w[i+2:]
	}
	t.b = append(t.b, w...)
}

// end ends the current line, as Enter does.
func (t *typedLine) end() {
	if t.edited {
		t.b = append(t.b, '\n')
		t.b = append(t.b, cursorEditedLine...)
	}
	t.b = append(t.b, '\n')
	t.start, t.edited = len(t.b), false
}

// text is what the keys typed, a line edited by cursor keys and not ended
// marked as one too.
func (t *typedLine) text() string {
	if t.edited {
		t.b = append(t.b, '\n')
		t.b = append(t.b, cursorEditedLine...)
		t.edited = false
	}
	return string(t.b)
}

// cursorKey reports a key name that moves the cursor or cuts text: tmux's
// names (Left, Home, DC, PPage…) and a control or meta chord of one
// letter other than those that end a line or take back a character.
func cursorKey(w string) bool {
	switch w {
	case "Left", "Right", "Up", "Down", "Home", "End", "DC", "Delete", "IC", "Insert", "PPage", "NPage", "PageUp", "PageDown":
		return true
	}
	return len(w) == 3 && (w[:2] == "C-" || w[:2] == "M-") && w[2] >= 'a' && w[2] <= 'z'
}

// typedKeys gives the command line keys typed into a shell spell (tmux
// send-keys, screen -X stuff): the words after the options (those in
// withArg take a value). With tmux's -H each key is a byte in hex (72 6d
// 0a is "rm" and a line's end).
func typedKeys(words []string, withArg string) string {
	var t typedLine
	hex := false
	for i := 0; i < len(words); i++ {
		w := words[i]
		if len(w) == 2 && w[0] == '-' && len(t.b) == 0 {
			if strings.IndexByte(withArg, w[1]) >= 0 {
				i++
			}
			hex = hex || w == "-H"
			continue
		}
		if hex {
			t.hexKey(w)
			continue
		}
		t.key(w)
	}
	return t.text()
}

// hexKey adds a byte given in hex (tmux send-keys -H 0a): a line's end, a
// backspace or the character; a word that is no byte is typed as it is.
func (t *typedLine) hexKey(w string) {
	b, err := strconv.ParseUint(w, 16, 8)
	switch {
	case err != nil:
		t.key(w)
	case b == '\n' || b == '\r':
		t.end()
	case b == 0x7f || b == 0x08:
		t.key("BSpace")
	case b == 0x03:
		t.key("C-c")
	default:
		t.b = append(t.b, byte(b))
	}
}

// trimQuotes takes one pair of matching outer quotes off a word.
func trimQuotes(w string) string {
	if n := len(w); n >= 2 && (w[0] == '"' || w[0] == '\'') && w[n-1] == w[0] {
		return w[1 : n-1]
	}
	return w
}

// TypedText is the text keys typed one by one spell, as a terminal
// tool's {"keys": ["r", "m", "Space", "~", "Enter"]} types them.
func TypedText(keys []string) string {
	var t typedLine
	for _, k := range keys {
		t.key(k)
	}
	return t.text()
}
