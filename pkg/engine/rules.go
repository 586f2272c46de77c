package engine

import (
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/policy"
)

// holds reports whether every condition of r holds for s, and the text
// that made it hold. A condition the subject has nothing for does not hold.
func (ev *evaluation) holds(r *policy.Rule, s *subject) (bool, string) {
	return ev.holdsFor(r, s, nil)
}

// holdsFor is holds with, when pats is not nil, the patterns of the rule's
// command_matches that can match s's program (candidates.go), looked up
// when the candidates were made.
func (ev *evaluation) holdsFor(r *policy.Rule, s *subject, pats *namePatterns) (bool, string) {
	home := ev.e.env.Home
	text := s.text
	restrictive := r.Action > call.Allow
	if r.Command.Len() > 0 {
		var ok bool
		var t string
		if pats != nil && s.sql == "" && s.stages == nil && s.argv != nil {
			ok, t = match.MatchArgvIn(pats.indexed, pats.other, s.argv, home), s.text
		} else {
			ok, t = matchCommand(r.Command, s, home, restrictive)
		}
		if !ok {
			return false, ""
		}
		text = t
	}
	if r.NotCommand.Len() > 0 {
		if s.argv == nil && s.stages == nil && s.sql == "" {
			return false, ""
		}
		if ok, _ := matchCommand(r.NotCommand, s, home, restrictive); ok {
			return false, ""
		}
	}
	if r.Path.Len() > 0 || r.NotPath.Len() > 0 {
		one := [1]string{s.path}
		paths := one[:]
		if s.path == "" {
			paths = s.argPaths(ev)
		}
		if len(paths) == 0 {
			return false, ""
		}
		if r.Path.Len() > 0 {
			p, ok := ev.matchSubjectPaths(r.Path, s, paths) // paths.go: FoldCase
			if !ok && r.Action == call.Allow {
				p, ok = ev.keptCopyAllowed(r.Path, s) // a copy of a public file is public
			}
			if !ok {
				return false, ""
			}
			text = p
		}
		if r.NotPath.Len() > 0 {
			if _, ok := ev.matchSubjectPaths(r.NotPath, s, paths); ok { // paths.go: FoldCase
				return false, ""
			}
		}
	}
	if len(r.Domain) > 0 || len(r.NotDomain) > 0 || len(r.URL) > 0 || len(r.NotURL) > 0 {
		if !s.hasURL {
			return false, ""
		}
		if len(r.Domain) > 0 && !anyDomain(r.Domain, s.url.Host) {
			return false, ""
		}
		if len(r.NotDomain) > 0 && anyDomain(r.NotDomain, s.url.Host) {
			return false, ""
		}
		if len(r.URL) > 0 && !anyURL(r.URL, s) {
			return false, ""
		}
		if len(r.NotURL) > 0 && anyURL(r.NotURL, s) {
			return false, ""
		}
	}
	if len(r.ToolName) > 0 {
		if s.tool != call.ToolMCP || !matchToolName(r.ToolName, s.mcpTool) {
			return false, ""
		}
	}
	if len(r.Argument) > 0 {
		if s.args == nil || !anyArgument(r.Argument, s.args) {
			return false, ""
		}
	}
	if len(r.Content) > 0 {
		if s.content == "" || !anyText(r.Content, s.content) {
			return false, ""
		}
	}
	if len(r.Response) > 0 {
		return false, "" // judged only by EvaluateResponse
	}
	if len(r.RawLine) > 0 {
		// The raw line is matched only where a rule asks for it, and only
		// by restrictive rules: an allow never rests on raw text.
		if s.raw == "" || !restrictive || !anyText(r.RawLine, s.raw) {
			return false, ""
		}
	}
	if len(r.Effect) > 0 {
		if s.effect == "" || !anyText(r.Effect, s.effect) {
			return false, ""
		}
	}
	if len(r.Hint) > 0 {
		// Annotations come from the server, which may lie: they can only
		// tighten, so they never make an allow or log rule hold.
		if !restrictive || r.Action == call.Log || !anyHint(r.Hint, s.hints) {
			return false, ""
		}
	}
	return true, text
}

// matchCommand matches command patterns against a simple command, a
// pipeline, or SQL text. Restrictive rules also match the raw line.
func matchCommand(set *match.CommandSet, s *subject, home string, restrictive bool) (bool, string) {
	switch {
	case s.sql != "":
		if set.MatchText(s.sql) {
			return true, s.text
		}
	case s.stages != nil:
		if set.MatchPipeline(s.stages, home) {
			return true, s.text
		}
	case s.argv != nil:
		if set.MatchArgv(s.argv, home) {
			return true, s.text
		}

	}
	return false, ""
}

// argPaths are the path arguments of an MCP call, cleaned.
func (s *subject) argPaths(ev *evaluation) []string {
	if s.args == nil {
		return nil
	}
	var out []string
	for k, v := range s.args {
		if isPathKey(strings.ToLower(k)) {
			for _, p := range stringValues(v) {
				out = append(out, match.CleanPath(p, ev.c.Cwd, ev.e.env.Home))
			}
		}
	}
	return out
}

func anyPath(set *match.PathSet, paths []string, home, cwd string) (string, bool) {
	for _, path := range paths {
		if set.Match(path, home, cwd) {
			return path, true
		}
	}
	return "", false
}

func anyDomain(ds []match.DomainPattern, host string) bool {
	for _, d := range ds {
		if d.Match(host) {
			return true
		}
	}
	return false
}

func anyURL(gs []match.Glob, s *subject) bool {
	norm := s.url.String()
	for _, g := range gs {
		if g.Match(norm) || g.Match(s.urlRaw) {
			return true
		}
	}
	// the path as the server routes it: /v1/./approvals, /v1/%61pprovals
	// and /v1//approvals are /v1/approvals
	if rest, changed := match.CleanURLRest(s.url.Rest); changed {
		u := s.url
		u.Rest = rest
		norm = u.String()
		for _, g := range gs {
			if g.Match(norm) {
				return true
			}
		}
	}
	return false
}

func anyText(gs []match.Glob, text string) bool {
	for _, g := range gs {
		if g.Match(text) {
			return true
		}
	}
	return false
}

// anyArgument matches each string argument, as "value" and as "key=value".
func anyArgument(gs []match.Glob, args map[string]any) bool {
	for k, v := range args {
		for _, s := range stringValues(v) {
			for _, g := range gs {
				if g.Match(s) || g.Match(k+"="+s) {
					return true
				}
			}
		}
	}
	return false
}

func anyHint(want, have []string) bool {
	for _, w := range want {
		for _, h := range have {
			if strings.EqualFold(w, h) {
				return true
			}
		}
	}
	return false
}

// matchToolName matches an MCP tool name as a whole and word by word, so
// `delete` matches "delete_file" and "deleteNote" but not "undelete_note".
// A word matches where it is the tool's action, not where the name uses
// it as a noun or for a change to the input handed in (actionWord).
func matchToolName(gs []match.Glob, name string) bool {
	if anyText(gs, name) {
		return true
	}
	words := ToolWords(name)
	for i, w := range words {
		if anyText(gs, w) && actionWord(words, i) {
			return true
		}
	}
	return false
}

// actionWord reports whether words[i] is an action of the tool: not when
// the clause it sits in starts with a verb that only looks
// (get_kill_switch_status, get_drop_shipping_orders, preview_purge: the
// word names what is looked at), and not when its object is a property of
// the input the tool transforms and hands back (remove_background,
// truncate_text, strip_whitespace). "and" or "then" starts a new clause
// (get_and_delete_messages).
func actionWord(words []string, i int) bool {
	start := 0
	for j := i - 1; j >= 0; j-- {
		if words[j] == "and" || words[j] == "then" {
			start = j + 1
			break
		}
	}
	if start < i && lookingVerb(words[start]) {
		return false
	}
	if i+1 < len(words) && transformsInput(words, i+1) {
		return false
	}
	return true
}

// lookingVerb: a verb that reads, counts, checks or rehearses and changes
// nothing.
func lookingVerb(w string) bool {
	switch w {
	case "get", "list", "ls", "show", "view", "read", "describe", "search", "find", "count", "check", "preview",
		"plan", "estimate", "simulate", "dry", "dryrun", "validate", "status", "is", "has", "can", "explain",
		"inspect", "query", "lookup", "stat", "audit", "diff", "compare", "summarize", "analyze", "report":
		return true
	}
	return false
}

// inputProperty: what a transform takes out of the text, image, audio or
// document it is handed and returns changed, never a stored thing.
func inputProperty(w string) bool { return inputProperties.Get(w) }

// inputProperties are the words inputProperty knows.
var inputProperties = &table.Map[string, bool]{Words: "background bg text string whitespace spaces watermark watermarks noise silence blemishes redeye exif formatting html markdown emoji emojis punctuation accents diacritics stopwords newlines padding prefix suffix borders border shadow shadows vocals echo blur wrinkles glare artifacts"}

// transformsInput reports whether words[i], an object of a destroying
// verb, is a property of the input a transform hands back: the name's
// last word (remove_background, truncate_text), or one followed by "from"
// and the medium (strip_exif_from_image). remove_background_images
// removes images.
func transformsInput(words []string, i int) bool {
	return inputProperty(words[i]) && (i+1 == len(words) || words[i+1] == "from" && i+2 < len(words) && mediaNoun(words[i+2]))
}

// mediaNoun: the input a transform is handed (strip_exif_from_image).
func mediaNoun(w string) bool {
	switch w {
	case "image", "photo", "picture", "audio", "video", "text", "string", "document", "pdf", "input", "file":
		return true
	}
	return false
}
