package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/peterbourgon/ff/v3/ffcli"

	"rampart.dev/pkg/audit"
)

func (a *app) statsCmd() *ffcli.Command {
	var c common
	fs := a.newFlags("stats", &c)
	since := fs.String("since", "", "only records from this time on: a duration back (24h, 7d) or a time")
	until := fs.String("until", "", "only records before this time: a duration back or a time")
	by := fs.String("by", "decision", "group by decision, tool, agent, session, via or policy")
	return &ffcli.Command{
		Name:       "stats",
		ShortUsage: "rampart-audit stats [-since D] [-until D] [-by decision|tool|agent|policy] [flags] [FILE...]",
		ShortHelp:  "count records by decision, tool, agent or policy",
		FlagSet:    fs,
		// No RAMPART_ environment variables: see newFlags.
		Exec: func(ctx context.Context, args []string) error {
			asJSON, err := a.asJSON(&c)
			if err != nil {
				return err
			}
			key, ok := groupers[*by]
			if !ok {
				return fmt.Errorf("-by must be decision, tool, agent, session, via or policy, not %q", *by)
			}
			var f filter
			if f.since, err = parseWhen(*since, "-since"); err != nil {
				return err
			}
			if f.until, err = parseWhen(*until, "-until"); err != nil {
				return err
			}
			in, err := a.input(&c, args)
			if err != nil {
				return err
			}
			counts := map[string]int{}
			total := 0
			err = a.records(in, func(rec audit.Record, line []byte) error {
				if !f.match(rec, line) {
					return nil
				}
				total++
				for _, k := range key(rec) {
					counts[k]++
				}
				return nil
			})
			if err != nil {
				return err
			}
			return a.printCounts(*by, counts, total, asJSON)
		},
	}
}

// groupers give the keys a record counts under; a record matched by two
// policies counts for both.
var groupers = map[string]func(audit.Record) []string{
	"decision": func(r audit.Record) []string { return []string{r.Decision} },
	"tool":     func(r audit.Record) []string { return []string{r.Tool} },
	"agent":    func(r audit.Record) []string { return []string{orNone(r.Agent)} },
	"session":  func(r audit.Record) []string { return []string{orNone(r.Session)} },
	"via":      func(r audit.Record) []string { return []string{orNone(audit.AdapterName(r.Via))} },
	"policy": func(r audit.Record) []string {
		if len(r.MatchedPolicies) == 0 {
			return []string{"(none)"}
		}
		return r.MatchedPolicies
	},
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func (a *app) printCounts(by string, counts map[string]int, total int, asJSON bool) error {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	if asJSON {
		for _, k := range keys {
			// The group first, then its count: {"decision":"deny","count":3}.
			kb, _ := json.Marshal(k)
			if _, err := fmt.Fprintf(a.stdout, "{%q:%s,\"count\":%d}\n", by, kb, counts[k]); err != nil {
				return err
			}
		}
		return nil
	}
	fmt.Fprintf(a.stdout, "%-32s  %8s  %6s\n", upper(by), "COUNT", "SHARE")
	for _, k := range keys {
		fmt.Fprintf(a.stdout, "%-32s  %8d  %5.1f%%\n", clean(k, 32), counts[k], 100*float64(counts[k])/float64(max(total, 1)))
	}
	fmt.Fprintf(a.stdout, "%-32s  %8d\n", "total records", total)
	return nil
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}
