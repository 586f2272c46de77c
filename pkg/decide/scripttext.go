package decide

import (
	"crypto/sha256"
	"io"
	"os"

	"rampart.dev/pkg/engine"
)

// maxScriptText bounds the script a call runs that is read to judge it
// (engine.Env.ScriptText): scripts are small, and a larger file is judged
// as a script nobody read.
const maxScriptText = 256 << 10

// scriptText answers engine.Env.ScriptText: the text of the regular file
// at p when it holds at most maxScriptText bytes, and a larger one as too
// large. The open does not wait for a named pipe's writer, and anything
// but a regular file (a pipe, a device) is refused, so the decision is
// never held by what the path is.
func scriptText(p string) (string, engine.ScriptFound) {
	f, err := os.OpenFile(p, os.O_RDONLY|openNoWait, 0)
	if err != nil {
		return "", engine.ScriptNone
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return "", engine.ScriptNone
	}
	if fi.Size() > maxScriptText {
		return "", engine.ScriptTooLarge
	}
	b, err := io.ReadAll(io.LimitReader(f, maxScriptText+1))
	switch {
	case err != nil:
		return "", engine.ScriptNone
	case len(b) > maxScriptText:
		return "", engine.ScriptTooLarge // grown since the stat
	}
	return string(b), engine.ScriptRead
}

// textSum is the sum a memo entry keeps of a script's text, to tell
// whether the file still holds it: a cryptographic one, since whoever
// writes the file could otherwise write other text with the same sum.
func textSum(text string, found engine.ScriptFound) [sha256.Size]byte {
	if found != engine.ScriptRead {
		return [sha256.Size]byte{}
	}
	return sha256.Sum256([]byte(text))
}
