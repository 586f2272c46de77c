package engine

import "rampart.dev/pkg/call"

// Reads noted once.
//
// The effects step asks, for each path a line reads, whether the policy
// stops that read (effect.Env.Sensitive), and the engine then judges the
// same path as a read subject: the same rules held against the same path.
// The scratch notes, for each path asked about, the first rule of each
// policy that holds for a read of it, and the judgement of that read
// replays the note instead of matching again. Whether a rule holds for a
// read depends only on the engine, the call and the path, so a note is
// good for the whole evaluation; release drops the notes.

// maxReadNotes bounds the paths noted per evaluation; past it, reads are
// matched as before.
const maxReadNotes = 32

// readNote is, for a read of path, the first rule that holds in each
// policy, by index into Policy.Entries (-1: none, or the policy does not
// admit reads).
type readNote struct {
	path  string
	first []int32
}

// sensitiveRead answers effect.Env.Sensitive: whether the policy denies a
// read of p.
func (sc *execScratch) sensitiveRead(p string) bool {
	n := sc.noteRead(p)
	if n == nil {
		return sc.probe.sensitive(p)
	}
	ents := sc.probe.e.p.Entries
	for k, i := range n.first {
		if i >= 0 && ents[k].Rules()[i].Action == call.Deny {
			return true
		}
	}
	return sc.probe.sensitiveSettings(p) || sc.probe.sensitiveAlternates(p) // homesettings.go, paths.go
}

// noteRead returns the note for p, made with the probe on first ask; nil
// when the notes are full.
func (sc *execScratch) noteRead(p string) *readNote {
	if n := sc.readNoteFor(p); n != nil {
		return n
	}
	if len(sc.reads) >= maxReadNotes {
		return nil
	}
	ev := &sc.probe
	ents := ev.e.p.Entries
	if cap(sc.firsts)-len(sc.firsts) < len(ents) {
		sc.firsts = make([]int32, 0, maxReadNotes*len(ents))
	}
	k0 := len(sc.firsts)
	sc.firsts = sc.firsts[:k0+len(ents)]
	first := sc.firsts[k0 : k0+len(ents) : k0+len(ents)]
	s := subject{tool: call.ToolRead, text: p, path: p} // as pathSubject makes it
	if len(sc.readAdmits) != len(ents) {
		// Which policies admit reads is asked once per evaluation.
		c := &ev.c
		sc.readAdmits = sc.readAdmits[:0]
		if a := ev.e.admitted(call.ToolRead, c.Agent, c.Session); a != nil {
			// the engine's note of them (admissions.go)
			sc.readAdmits = append(sc.readAdmits, make([]bool, len(ents))...)
			for _, k := range a.at {
				sc.readAdmits[k] = true
			}
		} else {
			for _, ent := range ents {
				sc.readAdmits = append(sc.readAdmits, ent.AppliesTo(call.ToolRead, c.Agent, c.Session))
			}
		}
	}
	pathOnly := s.barePath() // only the rules a bare path can hold (pathrules.go)
	for k, ent := range ents {
		first[k] = -1
		if !sc.readAdmits[k] {
			continue
		}
		if pathOnly {
			first[k] = int32(ev.firstOfIndex(ent, k, &s))
			continue
		}
		for i, r := range ent.Rules() {
			if ok, _ := ev.holds(r, &s); ok {
				first[k] = int32(i)
				break
			}
		}
	}
	sc.reads = append(sc.reads, readNote{path: p, first: first})
	return &sc.reads[len(sc.reads)-1]
}

// readNoteFor returns the note for p, or nil.
func (sc *execScratch) readNoteFor(p string) *readNote {
	for i := range sc.reads {
		if sc.reads[i].path == p {
			return &sc.reads[i]
		}
	}
	return nil
}

// judgeNoted judges a read subject from the scratch's note of its path, as
// judge would from the rules, and reports whether there was a note to use.
// A traced or explained evaluation is always judged from the rules.
func (ev *evaluation) judgeNoted(s *subject) bool {
	sc := ev.sc
	if sc == nil || s.tool != call.ToolRead || s.argv != nil || ev.trace != nil || ev.keepAll {
		return false
	}
	n := sc.readNoteFor(s.path)
	if n == nil {
		return false
	}
	for k, ent := range ev.e.p.Entries {
		i := n.first[k]
		if i < 0 {
			continue
		}
		r := ent.Rules()[i]
		if ent.TightenOnly && r.Action <= call.Log {
			continue
		}
		// A read subject holds a rule with its path as the text (holds).
		ev.add(result{action: r.Action, entry: ent, rule: r, ruleIdx: int(i), text: s.path})
		if r.Action == call.Deny {
			return true
		}
	}
	return true
}
