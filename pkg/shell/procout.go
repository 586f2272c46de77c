package shell

// procOutCode runs what a command writes into a >(…) substitution (echo
// CMD > >(sh), printf CMD >&$fd after exec {fd}> >(bash)) in the
// substitution's commands that read code from their standard input, as
// echo CMD | sh would: known text is judged as their code, text nobody
// can read is unknown code. The substitution's commands were walked where
// the word stood, before anything was written to them.
func (s *state) procOutCode(procOut []span, name string, inner []string, bodies []string, f frame) {
	var texts []string
	if t, ok := s.echoText(inner); ok && len(inner) > 0 {
		texts = append(texts, t)
	}
	for _, b := range bodies {
		if t, ok := transform(name, inner, b); ok {
			texts = append(texts, t) // cat <<EOF > >(sh)
		}
	}
	for _, sp := range procOut {
		for i := sp.start; i < sp.end && i < len(s.out); i++ {
			words := append([]string{s.out[i].Name}, s.out[i].Args...)
			lang, stdin := readsStdin(words)
			if !stdin {
				continue
			}
			if len(texts) == 0 {
				s.markUnknown(i, "code read from standard input, written by "+name+" through a process substitution")
				continue
			}
			for _, t := range texts {
				if lang == "cmd" {
					t = translateCmdExe(t) // > >(cmd.exe): cmdexe.go
				}
				if lang == "sh" || lang == "cmd" {
					s.isolated(func() { s.parseString(t, f) }) // a child shell (scopes.go)
					continue
				}
				facts := s.scanCode(lang, t, f) // (which may grow s.out)
				s.out[i].Code = s.out[i].Code.or(facts)
			}
		}
	}
}
