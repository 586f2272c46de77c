package decide

import (
	"crypto/sha256"
	"io"
	"os"
)

// maxScriptText bounds the script a call runs that is read to judge it
// (engine.Env.ScriptText): scripts are small, and a larger file is judged
// as a script nobody read.
const maxScriptText = 256 << 10

// scriptText answers engine.Env.ScriptText: the text of the regular file
// at p when it holds at most maxScriptText bytes. The open does not wait
// for a named pipe's writer, and anything but a regular file (a pipe, a
// device) is refused, so the decision is never held by what the path is.
func scriptText(p string) (string, bool) {
	f, err := os.OpenFile(p, os.O_RDONLY|openNoWait, 0)
	if err != nil {
		return "", false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > maxScriptText {
		return "", false
	}
	b, err := io.ReadAll(io.LimitReader(f, maxScriptText+1))
	if err != nil || len(b) > maxScriptText {
		return "", false
	}
	return string(b), true
}

// textSum is the sum a memo entry keeps of a script's text, to tell
// whether the file still holds it: a cryptographic one, since whoever
// writes the file could otherwise write other text with the same sum.
func textSum(text string, ok bool) [sha256.Size]byte {
	if !ok {
		return [sha256.Size]byte{}
	}
	return sha256.Sum256([]byte(text))
}
