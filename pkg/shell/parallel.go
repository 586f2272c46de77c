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
	return parallelCommandsN(template, rest, 1)
}

// parallelCommandsN is parallelCommands for a parallel that hands each
// command n arguments of a single list (-N n, -n n): {1}..{n} name them.
func parallelCommandsN(template string, rest []string, n int) []string {
	groups, ok := parallelGroups(rest)
	if !ok {
		return parallelCommandsN(template, nil, 1)
	}
	combos := parallelCombos(groups)
	if n > 1 && len(groups) == 1 {
		combos = parallelChunks(groups[0], n)
	}
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
		out = append(out, parallelFill(template, c, false))
		if q := parallelFill(template, c, true); q != out[len(out)-1] {
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

// parallelChunks cuts a list into runs of n arguments, the last shorter.
func parallelChunks(list []string, n int) [][]string {
	var out [][]string
	for len(list) > 0 && len(out) < MaxCommands {
		k := min(n, len(list))
		out = append(out, list[:k:k])
		list = list[k:]
	}
	return out
}

// parallelMaxArgs gives the arguments parallel's options hand each
// command (-N 3, -n3, --max-args=3), 1 when they say nothing.
func parallelMaxArgs(opts []string) int {
	n := 1
	for i, w := range opts {
		v := ""
		switch {
		case (w == "-N" || w == "-n" || w == "--max-args") && i+1 < len(opts):
			v = opts[i+1]
		case strings.HasPrefix(w, "--max-args="):
			v = w[len("--max-args="):]
		case len(w) > 2 && (strings.HasPrefix(w, "-N") || strings.HasPrefix(w, "-n")):
			v = w[2:]
		default:
			continue
		}
		if k, err := strconv.Atoi(v); err == nil && k > 0 {
			n = min(k, MaxCommands)
		}
	}
	return n
}

// parallelFill puts one combination of arguments into a template: in
// place of its replacement strings, or after it when it has none; with
// quoted, each as parallel quotes it for the shell (parallelReadings).
func parallelFill(template string, args []string, quoted bool) string {
	reading := func(a string) string {
		if rs := parallelReadings(a); quoted {
			return rs[len(rs)-1]
		}
		return a
	}
	words := make([]string, len(args))
	for i, a := range args {
		words[i] = reading(a)
	}
	all := strings.Join(words, " ")
	if !strings.Contains(template, "{") {
		return template + " " + all
	}
	var b strings.Builder
	for i := 0; i < len(template); {
		j := strings.IndexByte(template[i:], '{')
		if j < 0 {
			b.WriteString(template[i:])
			break
		}
		b.WriteString(template[i : i+j])
		i += j
		k := strings.IndexByte(template[i:], '}')
		if k < 0 {
			b.WriteString(template[i:])
			break
		}
		if v, whole, ok := parallelReplacement(template[i+1:i+k], args); ok && whole {
			b.WriteString(all)
		} else if ok {
			b.WriteString(reading(v))
		} else {
			b.WriteString(template[i : i+k+1])
		}
		i += k + 1
	}
	return b.String()
}

// parallelReplacement gives what a replacement string stands for ({},
// {3}, {-1} and either with a transformation after it: . drops the
// extension, / keeps the base name, // the directory, /. both; .. and
// ... (--plus) drop two and three extensions), whole when it is every
// argument as they are ({} of several), or ok false when inner is none.
// An argument nobody knows ("$PARALLEL_ARGUMENT") stays unknown.
func parallelReplacement(inner string, args []string) (v string, whole, ok bool) {
	n := 0
	for n < len(inner) && (inner[n] >= '0' && inner[n] <= '9' || n == 0 && inner[n] == '-') {
		n++
	}
	var a string
	switch {
	case n > 0:
		k, err := strconv.Atoi(inner[:n])
		switch {
		case err != nil || k == 0 || k > len(args) || -k > len(args):
			return "", false, false
		case k > 0:
			a = args[k-1]
		default:
			a = args[len(args)+k]
		}
	case len(args) == 1:
		a = args[0]
	default:
		if !validTransform(inner) {
			return "", false, false
		}
		return "", true, true // {} or {.} of several: every argument, as written
	}
	if strings.HasPrefix(a, `"$`) {
		return a, false, validTransform(inner[n:])
	}
	base := func(p string) string { return p[strings.LastIndexByte(p, '/')+1:] }
	noExt := func(p string, times int) string {
		for range times {
			if d := strings.LastIndexByte(p, '.'); d > strings.LastIndexByte(p, '/')+1 {
				p = p[:d]
			}
		}
		return p
	}
	switch inner[n:] {
	case "":
		return a, false, true
	case ".", "..", "...":
		return noExt(a, len(inner[n:])), false, true
	case "/":
		return base(a), false, true
	case "//":
		if d := strings.LastIndexByte(a, '/'); d > 0 {
			return a[:d], false, true
		} else if d == 0 {
			return "/", false, true
		}
		return ".", false, true
	case "/.", "/..", "/...":
		return noExt(base(a), len(inner[n:])-1), false, true
	}
	return "", false, false
}

// validTransform reports whether t is one of parallelReplacement's
// transformations.
func validTransform(t string) bool {
	switch t {
	case "", ".", "..", "...", "/", "//", "/.", "/..", "/...":
		return true
	}
	return false
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
				s.parseString(parallelFill(t, []string{l}, false), g)
				if q := parallelFill(t, []string{l}, true); q != parallelFill(t, []string{l}, false) {
					s.parseString(q, g)
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
	start, end := parallelSplit(words)
	var texts []string
	fromFiles := false
	files := parallelArgFiles(words)
	for _, w := range words[end:] {
		switch w {
		case "::::", "::::+":
			fromFiles = true
			continue
		case ":::", ":::+":
			fromFiles = false
			continue
		}
		if fromFiles {
			files = append(files, w)
		}
	}
	for _, name := range files {
		if text, ok := s.files[s.key(name)]; ok {
			texts = append(texts, text)
		} else if start == end {
			// parallel -a FILE with no command: each line of FILE is a
			// command, as sh FILE runs them
			s.runsUnseen(len(s.out)-1, name)
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
