package shell

import (
	"strconv"
	"strings"
)

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
// template and the ::: argument lists after it. Several lists combine
// (parallel ::: rm ::: -rf ::: DIR runs rm -rf DIR): each combination's
// arguments replace {1}, {2}... by their list, and together {} (and {.},
// {/}, {//}, {/.} of it), or are appended when the template has no
// replacement string; linked lists (:::+, --link) pair a subset of the
// combinations. Arguments read from stdin or files (::::, -a) are unknown
// words.
func parallelCommands(template string, rest []string) []string {
	groups, ok := parallelGroups(rest)
	if !ok {
		return parallelCommands(template, nil)
	}
	combos := parallelCombos(groups)
	if len(groups) > 1 {
		// Each argument alone is judged as well, as one list's would be.
		for _, g := range groups {
			for _, a := range g {
				if len(combos) < 2*MaxCommands {
					combos = append(combos, []string{a})
				}
			}
		}
	}
	if len(combos) == 0 {
		// The arguments come from stdin or a file (-a): unknown words,
		// spelled as a variable from outside so the walk sees them so.
		combos = [][]string{{`"$PARALLEL_ARGUMENT"`}}
	}
	out := make([]string, 0, 2*len(combos))
	for _, c := range combos {
		// GNU parallel quotes each argument it puts in (parallel bash -c
		// ::: 'rm -rf ~' runs bash -c 'rm -rf ~'), but "{}" alone, or in
		// quotes of the template, may run it as words of a command: both
		// readings are judged, so neither hides the other.
		raw, quoted := make([]string, len(c)), make([]string, len(c))
		for i, a := range c {
			rs := parallelReadings(a)
			raw[i], quoted[i] = rs[0], rs[len(rs)-1]
		}
		out = append(out, parallelFill(template, raw))
		if q := parallelFill(template, quoted); q != out[len(out)-1] {
			out = append(out, q)
		}
	}
	return out
}

// parallelGroups splits the words after parallel's template into its :::
// argument lists; ok is false when a :::: list reads a file.
func parallelGroups(rest []string) (groups [][]string, ok bool) {
	for _, w := range rest {
		switch w {
		case ":::", ":::+":
			groups = append(groups, nil)
			continue
		case "::::", "::::+":
			return nil, false
		}
		if len(groups) == 0 {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], w)
	}
	return groups, true
}

// parallelCombos gives every combination of one argument from each list,
// in parallel's order, at most MaxCommands of them.
func parallelCombos(groups [][]string) [][]string {
	combos := [][]string{nil}
	for _, g := range groups {
		if len(g) == 0 {
			continue
		}
		var next [][]string
		for _, c := range combos {
			for _, a := range g {
				if len(next) >= MaxCommands {
					break
				}
				next = append(next, append(c[:len(c):len(c)], a))
			}
		}
		combos = next
	}
	if len(combos) == 1 && combos[0] == nil {
		return nil
	}
	return combos
}

// parallelCommandLines gives the commands parallel runs when it has no
// template: each combination of its ::: arguments, joined, is a command.
func parallelCommandLines(rest []string) []string {
	groups, ok := parallelGroups(rest)
	if !ok {
		return nil
	}
	var out []string
	for _, c := range parallelCombos(groups) {
		out = append(out, strings.Join(c, " "))
	}
	return out
}

// parallelFill puts one combination of arguments into a template: in
// place of its replacement strings, or after it when it has none.
func parallelFill(template string, args []string) string {
	all := strings.Join(args, " ")
	if strings.Contains(template, "{") {
		pairs := []string{"{}", all, "{.}", all, "{/}", all, "{//}", all, "{/.}", all}
		for i, a := range args {
			pairs = append(pairs, "{"+strconv.Itoa(i+1)+"}", a)
		}
		return strings.NewReplacer(pairs...).Replace(template)
	}
	return template + " " + all
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

// parallelPipes reports whether parallel hands its input to the commands'
// standard input in blocks (--pipe, --pipepart) instead of making
// arguments of its lines.
func parallelPipes(words []string) bool {
	start, _ := parallelSplit(words)
	for _, w := range words[1:start] {
		switch w {
		case "--pipe", "--pipepart", "--pipe-part", "--spreadstdin":
			return true
		}
	}
	return false
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
// no template. It reports whether every line was judged.
func (s *state) parallelLines(f frame, words []string, texts []string) bool {
	if f.depth >= MaxDepth {
		return false
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
				return false
			}
			if start == end {
				s.parseString(l, g)
				continue
			}
			for _, t := range templates {
				for _, v := range parallelReadings(l) {
					s.parseString(parallelFill(t, []string{v}), g)
				}
			}
		}
	}
	return true
}

// parallelUnread runs parallel's templates filled with an unknown
// argument, for input the walk did not read: what parallel builds from
// its standard input when that is not known.
func (s *state) parallelUnread(f frame, words []string) {
	start, end := parallelSplit(words)
	for _, t := range parallelTemplates(words[start:end]) {
		for _, c := range parallelCommands(t, nil) {
			s.parseString(c, s.viaFrame(f, "parallel"))
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
	for _, name := range parallelArgFiles(words) {
		if text, ok := s.files[fileKey(name)]; ok {
			texts = append(texts, text)
		}
	}
	if len(texts) > 0 {
		s.parallelLines(f, words, texts)
	}
}

// parallelArgFiles gives the files parallel's own options name as its
// argument files (-a FILE, -aFILE, --arg-file FILE, --arg-file=FILE), the
// same lines as a :::: FILE list.
func parallelArgFiles(words []string) []string {
	start, _ := parallelSplit(words)
	var out []string
	for i := 1; i < start; i++ {
		w := words[i]
		switch {
		case (w == "-a" || w == "--arg-file") && i+1 < len(words):
			i++
			out = append(out, words[i])
		case strings.HasPrefix(w, "--arg-file="):
			out = append(out, w[len("--arg-file="):])
		case strings.HasPrefix(w, "-a") && len(w) > 2 && !strings.HasPrefix(w, "--"):
			out = append(out, w[2:])
		}
	}
	return out
}
