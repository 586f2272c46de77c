package main

import (
	"bytes"
	"context"
	"fmt"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/peterbourgon/ff/v3/ffcli"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/call"
)

func (a *app) searchCmd() *ffcli.Command {
	var c common
	var f filter
	fs := a.newFlags("search", &c)
	fs.StringVar(&f.tool, "tool", "", "tool name (glob)")
	fs.StringVar(&f.agent, "agent", "", "agent (glob)")
	fs.StringVar(&f.session, "session", "", "session (glob)")
	fs.StringVar(&f.policy, "policy", "", "a matched policy (glob)")
	fs.StringVar(&f.via, "via", "", "the adapter that recorded it (glob)")
	decision := fs.String("decision", "", "deny, require_approval (ask), log (watch) or allow")
	since := fs.String("since", "", "only records from this time on: a duration back (24h, 7d) or a time")
	until := fs.String("until", "", "only records before this time: a duration back or a time")
	grep := fs.String("grep", "", "text that must appear in the stored line")
	return &ffcli.Command{
		Name:       "search",
		ShortUsage: "rampart-audit search [-tool T] [-agent A] [-session S] [-decision D] [-policy P] [-since D] [-until D] [-grep TEXT] [flags] [FILE...]",
		ShortHelp:  "print the records that match every filter",
		FlagSet:    fs,
		// No RAMPART_ environment variables: see newFlags.
		Exec: func(ctx context.Context, args []string) error {
			asJSON, err := a.asJSON(&c)
			if err != nil {
				return err
			}
			for name, g := range map[string]string{"-tool": f.tool, "-agent": f.agent, "-session": f.session, "-policy": f.policy, "-via": f.via} {
				if _, err := path.Match(g, ""); err != nil {
					return fmt.Errorf("%s: bad glob %q", name, g)
				}
			}
			if *decision != "" {
				d, err := call.ParseAction(*decision)
				if err != nil {
					return fmt.Errorf("-decision: %v", err)
				}
				f.decision = d.String()
			}
			if f.since, err = parseWhen(*since, "-since"); err != nil {
				return err
			}
			if f.until, err = parseWhen(*until, "-until"); err != nil {
				return err
			}
			f.grep = []byte(*grep)
			f.prepare()
			in, err := a.input(&c, args)
			if err != nil {
				return err
			}
			found := 0
			if !asJSON {
				fmt.Fprintln(a.stdout, recordHeader)
			}
			err = a.lines(in, func(file string, n int, line []byte) error {
				if !f.maybe(line) {
					return nil // cheap test first: most lines are not decoded
				}
				rec, err := audit.ParseRecord(line)
				if err != nil {
					a.warnf("%s:%d: %v", file, n, err)
					return nil
				}
				if !f.match(rec, line) {
					return nil
				}
				found++
				return writeRecord(a.stdout, asJSON, rec, line)
			})
			if err != nil {
				return err
			}
			if found == 0 {
				return errBroken // like grep: nothing matched
			}
			return nil
		},
	}
}

// filter selects records; empty fields select everything.
type filter struct {
	tool, agent, session, policy, via string // globs
	decision                          string
	since, until                      time.Time
	grep                              []byte
	needles                           [][]byte // what a matching line must contain
}

// prepare computes the needles: for each filter on a plain value (no glob
// characters, nothing JSON would escape), the `"key":"value"` text a
// matching line holds. Lines without them are skipped undecoded. -via has
// none: an adapter has two spellings (audit.AdapterName).
func (f *filter) prepare() {
	f.needles = nil
	if len(f.grep) > 0 {
		f.needles = append(f.needles, f.grep)
	}
	for _, kv := range [][2]string{{"tool", f.tool}, {"agent", f.agent}, {"session", f.session}, {"decision", f.decision}} {
		if kv[1] != "" && plain(kv[1]) {
			f.needles = append(f.needles, []byte(fmt.Sprintf(`"%s":"%s"`, kv[0], kv[1])))
		}
	}
}

func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-_.:@/ ", c) >= 0) {
			return false
		}
	}
	return true
}

// maybe reports whether line may match: it holds every needle.
func (f *filter) maybe(line []byte) bool {
	for _, n := range f.needles {
		if !bytes.Contains(line, n) {
			return false
		}
	}
	return true
}

func (f *filter) match(r audit.Record, line []byte) bool {
	switch {
	case !glob(f.tool, r.Tool), !glob(f.agent, r.Agent), !glob(f.session, r.Session), !viaMatches(f.via, r.Via):
		return false
	case f.decision != "" && r.Decision != f.decision:
		return false
	case !f.since.IsZero() && r.Time.Before(f.since):
		return false
	case !f.until.IsZero() && !r.Time.Before(f.until):
		return false
	case len(f.grep) > 0 && !bytes.Contains(line, f.grep):
		return false
	}
	if f.policy != "" {
		for _, p := range r.MatchedPolicies {
			if glob(f.policy, p) {
				return true
			}
		}
		return false
	}
	return true
}

// viaMatches compares adapter names as pkg/audit's table has them, so
// -via rampart-serve finds records older versions wrote as "serve", and
// -via serve today's.
func viaMatches(pattern, via string) bool {
	return glob(audit.AdapterName(pattern), audit.AdapterName(via))
}

func glob(pattern, s string) bool {
	if pattern == "" {
		return true
	}
	ok, _ := path.Match(pattern, s)
	return ok
}

// parseWhen reads -since and -until: a duration back from now (90m, 24h,
// 7d, 2w) or a time (RFC 3339, or a date, taken as UTC).
func parseWhen(s, flagName string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if d, ok := parseDuration(s); ok {
		return time.Now().Add(-d), nil
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%s: %q is neither a duration (24h, 7d) nor a time (2025-01-02, 2025-01-02T15:04:05Z)", flagName, s)
}

func parseDuration(s string) (time.Duration, bool) {
	for suffix, unit := range map[string]time.Duration{"d": 24 * time.Hour, "w": 7 * 24 * time.Hour} {
		if n, ok := strings.CutSuffix(s, suffix); ok {
			v, err := strconv.ParseFloat(n, 64)
			return time.Duration(v * float64(unit)), err == nil && v >= 0
		}
	}
	d, err := time.ParseDuration(s)
	return d, err == nil && d >= 0
}
