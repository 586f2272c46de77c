package call

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNoSubject is a call to a canonical tool without what it acts on: an
// exec with no command, a read or write with no path, a fetch with no URL.
// Nothing could be judged, so it is bad input, answered with a deny.
var ErrNoSubject = errors.New("call has nothing to judge")

// required returns the param a canonical tool acts on, or "" for another tool.
func required(tool string) string {
	switch tool {
	case ToolExec:
		return "command"
	case ToolRead, ToolWrite:
		return "path"
	case ToolFetch:
		return "url"
	}
	return ""
}

// paramAliases returns the names agents' own tool inputs give a canonical
// param (Claude Code's file_path, a shell tool's cmd, a fetch tool's
// uri). A call that spells its subject so is judged by it, not let
// through with nothing to judge.
func paramAliases(param string) []string {
	switch param {
	case "command":
		return commandAliases
	case "path":
		return pathAliases
	case "url":
		return urlAliases
	}
	return nil
}

// The aliases of each canonical param (paramAliases), laid out by the
// linker.
var (
	commandAliases = []string{"cmd", "script", "commandLine", "command_line"}
	pathAliases    = []string{"file_path", "filePath", "filepath", "file", "filename", "notebook_path", "target_file"}
	urlAliases     = []string{"uri", "href", "link"}
)

// Canonicalize makes a decoded call speak the contract: a canonical tool
// name in any case is that tool ("Exec" is exec); a canonical param given
// under an alias, or an exec command given as an argv array, is moved to
// its canonical key; and a canonical tool must then have its subject as a
// string (ErrNoSubject otherwise). A write given as an edit (the new text
// under an editing tool's own names, no content) has that text as its
// content (editContent). Other tool names and params are kept as given.
func (c *Call) Canonicalize() error {
	err := c.canonicalSubject()
	if err == nil && c.Tool == ToolWrite {
		c.editContent()
	}
	return err
}

// canonicalSubject settles the tool's name and its subject param.
func (c *Call) canonicalSubject() error {
	if c.Tool == "" {
		return ErrNoTool
	}
	if t := strings.ToLower(strings.TrimSpace(c.Tool)); t != c.Tool && (required(t) != "" || t == ToolMCP) {
		c.Tool = t
	}
	key := required(c.Tool)
	if key == "" {
		return nil
	}
	// The subject given twice, under the canonical name and an alias the
	// agent's tool may read instead, is one call judged by one value and
	// run with the other: bad input unless they agree.
	for _, a := range paramAliases(key) {
		other, ok := c.Params[a].(string)
		if given, isStr := c.Params[key].(string); ok && (isStr && given != "" && other != given || c.Params[key] != nil && !isStr) {
			return fmt.Errorf("%w: %s's %q and %q differ", ErrNoSubject, c.Tool, key, a)
		}
	}
	if s, ok := c.Params[key].(string); ok && s != "" {
		return nil
	}
	if s, ok := c.Params[key].(string); ok && s == "" {
		delete(c.Params, key) // empty: the subject is looked for under the aliases
	}
	if c.Params[key] != nil {
		if s, ok := argvLine(c.Params[key]); ok && key == "command" {
			c.Params[key] = s
			return nil
		}
		return fmt.Errorf("%w: %s's %q is not a string", ErrNoSubject, c.Tool, key)
	}
	for _, a := range paramAliases(key) {
		if s, ok := c.Params[a].(string); ok {
			c.Params[key] = s
			return nil
		}
	}
	if key == "command" {
		if s, ok := argvLine(c.Params["argv"]); ok {
			c.Params[key] = s
			return nil
		}
	}
	return fmt.Errorf("%w: %s call has no %q", ErrNoSubject, c.Tool, key)
}

// argvLine turns an argv array of strings into one command line, each word
// quoted for the shell so that it is read back as the same words.
func argvLine(v any) (string, bool) {
	list, ok := v.([]any)
	if !ok || len(list) == 0 {
		return "", false
	}
	words := make([]string, len(list))
	for i, e := range list {
		s, ok := e.(string)
		if !ok {
			return "", false
		}
		words[i] = ShellQuote(s)
	}
	return strings.Join(words, " "), true
}

// ShellQuote quotes a word for a POSIX shell when it needs it, so that the
// shell reads it back as the same word.
func ShellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./=:,+@%", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
