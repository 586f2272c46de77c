package shell

import "strings"

// GNU parallel builds its commands from a template (the words after its
// options) and arguments: the ::: lists after the template, the lines of
// :::: files, or the lines of its standard input when it is given
// neither. This file turns those into the command lines the walk judges.

// parallelSplit finds where parallel's template ends (the first ::: or
// ::::) and where it starts (past parallel's own options); start == end
// when there is no template.
func parallelSplit(words []string) (start, end int) {
	end = len(words)
	for i, w := range words {
		if w == ":::" || w == "::::" || w == ":::+" || w == "::::+" {
			end = i
			break
		}
	}
	return min(parallelFlags.skip(words[:end], 1), end), end
}

// parallelTemplates gives the readings of parallel's command words. GNU
// parallel joins them with blanks and hands the line to a shell, so
// `parallel bash -c 'rm -rf {}'` runs bash -c rm -rf X; with -q (and in
// other tools named parallel) each word stays whole, so the same words
// run bash -c 'rm -rf X'. Both are judged, so neither hides the other.
func parallelTemplates(words []string) []string {
	joined := strings.Join(words, " ")
	if q := quoteWords(words); q != joined {
		return []string{joined, q}
	}
	return []string{joined}
}

// parallelCommands gives the commands parallel runs from its command
// template and the ::: argument lists after it: each argument replaces
// {} (and {.}, {/}, {//}, {/.}, {#}... of it stand for parts of it), or
// is appended when the template has no replacement string. Arguments read
// from stdin or files (::::, -a) are unknown words.
func parallelCommands(template string, rest []string) []string {
	var args []string
	for i := 0; i < len(rest); i++ {
		switch rest[i] {
		case ":::", ":::+":
			continue
		case "::::", "::::+":
			return parallelCommands(template, nil)
		}
		if len(args) >= MaxCommands {
			break
		}
		args = append(args, rest[i])
	}
	if len(args) == 0 {
		// The arguments come from stdin or a file (-a): unknown words,
		// spelled as a variable from outside so the walk sees them so.
		args = []string{`"$PARALLEL_ARGUMENT"`}
	}
	out := make([]string, 0, 2*len(args))
	for _, a := range args {
		// GNU parallel quotes each argument it puts in (parallel bash -c
		// ::: 'rm -rf ~' runs bash -c 'rm -rf ~'), but "{}" alone, or in
		// quotes of the template, may run it as words of a command: both
		// readings are judged, so neither hides the other.
		for _, v := range parallelReadings(a) {
			out = append(out, parallelFill(template, v))
		}
	}
	return out
}

// parallelFill puts one argument into a template: in place of its
// replacement strings, or after it when it has none.
func parallelFill(template, arg string) string {
	if strings.Contains(template, "{") {
		r := strings.NewReplacer("{}", arg, "{.}", arg, "{/}", arg, "{//}", arg, "{/.}", arg, "{1}", arg)
		return r.Replace(template)
	}
	return template + " " + arg
}

// parallelReadings gives an argument as written and, when quoting changes
// it, quoted for the shell (an unknown argument stays an expansion).
func parallelReadings(a string) []string {
	if strings.HasPrefix(a, `"$`) {
		return []string{a}
	}
	if q := quoteWord(a); q != a {
		return []string{a, q}
	}
	return []string{a}
}

// parallelReadsStdin reports whether parallel takes its arguments from its
// standard input: no ::: or :::: list and no -a/--arg-file.
func parallelReadsStdin(words []string) bool {
	if _, end := parallelSplit(words); end < len(words) {
		return false
	}
	return !hasParallelArgFile(words)
}

// hasParallelArgFile reports whether parallel's own options name an
// argument file (-a FILE, -aFILE, --arg-file[=FILE]).
func hasParallelArgFile(words []string) bool {
	start, _ := parallelSplit(words)
	for _, w := range words[1:start] {
		if w == "-a" || strings.HasPrefix(w, "-a") && !strings.HasPrefix(w, "--") || w == "--arg-file" || strings.HasPrefix(w, "--arg-file=") {
			return true
		}
	}
	return false
}

// parallelLines runs the commands parallel builds from lines of text
// the line wrote (a :::: file, or what reaches its standard input): each
// line an argument of the template, or a command of its own when there is
// no template.
func (s *state) parallelLines(f frame, words []string, texts []string) {
	if f.depth >= MaxDepth {
		return
	}
	start, end := parallelSplit(words)
	templates := parallelTemplates(words[start:end])
	g := s.viaFrame(f, "parallel")
	n := 0
	for _, text := range texts {
		for _, l := range strings.Split(text, "\n") {
			if l = strings.TrimSpace(l); l == "" {
				continue
			}
			if n++; n > 16 {
				return
			}
			if start == end {
				s.parseString(l, g)
				continue
			}
			for _, t := range templates {
				for _, v := range parallelReadings(l) {
					s.parseString(parallelFill(t, v), g)
				}
			}
		}
	}
}

// parallelFiles runs parallel's ":::: FILE" arguments when the line wrote
// FILE.
func (s *state) parallelFiles(f frame, words []string) {
	if s.files == nil {
		return
	}
	_, end := parallelSplit(words)
	var texts []string
	fromFiles := false
	for _, w := range words[end:] {
		switch w {
		case "::::", "::::+":
			fromFiles = true
			continue
		case ":::", ":::+":
			fromFiles = false
			continue
		}
		if text, ok := s.files[fileKey(w)]; fromFiles && ok {
			texts = append(texts, text)
		}
	}
	if len(texts) > 0 {
		s.parallelLines(f, words, texts)
	}
}
