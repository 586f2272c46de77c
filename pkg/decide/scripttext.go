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

// scriptText answers engine.Env.ScriptText: a compiled program as such,
// whatever its size; else the text of the regular file at p when it holds
// at most maxScriptText bytes, and a larger one as too large. The open
// does not wait for a named pipe's writer, and anything but a regular file
// (a pipe, a device) is refused, so the decision is never held by what the
// path is.
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
	var head [binarySample]byte
	n, err := io.ReadFull(f, head[:])
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return "", engine.ScriptNone
	}
	if binaryHead(head[:n]) {
		return "", engine.ScriptBinary
	}
	if fi.Size() > maxScriptText {
		return "", engine.ScriptTooLarge
	}
	rest, err := io.ReadAll(io.LimitReader(f, maxScriptText+1-int64(n)))
	switch {
	case err != nil:
		return "", engine.ScriptNone
	case n+len(rest) > maxScriptText:
		return "", engine.ScriptTooLarge // grown since the stat
	}
	return string(head[:n]) + string(rest), engine.ScriptRead
}

// binarySample is how much of a file's head bash looks at to tell a
// compiled program from a script.
const binarySample = 80

// binaryHead reports a file head whose first line holds a NUL byte: an
// ELF, Mach-O or PE program, which bash will not run as a script ("cannot
// execute binary file"), as its own check says. A file that starts with
// "#!" is never one: the kernel runs the interpreter its first line names
// on it (#!/bin/sh, which may be dash, reads past a NUL), whatever bytes
// follow.
func binaryHead(head []byte) bool {
	if len(head) >= 2 && head[0] == '#' && head[1] == '!' {
		return false
	}
	for _, c := range head {
		switch c {
		case '\n':
			return false
		case 0:
			return true
		}
	}
	return false
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
