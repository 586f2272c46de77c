package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"rampart.dev/pkg/approval"
	"rampart.dev/pkg/call"
	"rampart.dev/rampart-watch/internal/board"
	"rampart.dev/rampart-watch/internal/feed"
)

// frame is everything one screen shows. The TUI and --once both draw it.
type frame struct {
	b      *board.Board
	filter board.Filter
	// width is the screen's width; height its height, or 0 for as many
	// lines as there are rows (--once).
	width, height int
	// maxRows, when set, caps the rows drawn (--once --rows).
	maxRows int
	// cursor is the selected row and top the first one shown, both
	// indexes into the filtered rows, newest first.
	cursor, top int

	paused    bool
	held      int // records that arrived while paused
	searching bool
	input     string

	mode   string // enforce or monitor, when set by flag
	pol    policyInfo
	source string

	appr   approvalView
	status string // a passing message: "approved 01J…", an error
	now    time.Time
	tui    bool // draw the selected-row details and the key help
	sty    styles
}

// approvalView is what the footer shows of rampart-serve's approvals.
type approvalView struct {
	enabled    bool   // a server was asked at all
	addr       string // where
	err        string // why it could not be reached
	canResolve bool   // an admin token was found
	list       []approval.Approval
	sel        int
}

// linesAbove is the number of lines above the rows: header, filter line,
// column titles.
const linesAbove = 3

// render draws f as lines of text, at most f.height lines when set.
func (f *frame) render() string {
	rows := f.b.Rows(f.filter)
	above := []string{f.headerLine(), f.filterLine(len(rows)), f.columnsLine()}
	var below []string
	if f.tui {
		below = append(below, f.detailLine(rows))
	}
	below = append(below, f.totalsLine())
	if f.appr.enabled {
		below = append(below, f.approvalLines()...)
	}
	if f.tui {
		below = append(below, f.keysLine())
	}

	n := len(rows) - f.top
	if f.maxRows > 0 {
		n = min(n, f.maxRows)
	}
	if f.height > 0 {
		n = min(n, f.height-len(above)-len(below))
	}
	body := make([]string, 0, max(n, 1))
	for i := 0; i < n; i++ {
		body = append(body, f.rowLine(rows[f.top+i], f.tui && f.top+i == f.cursor))
	}
	if len(rows) == 0 {
		msg := "  no records yet: calls appear here as they are audited"
		if f.filter.Active() && f.b.Len() > 0 {
			msg = "  no records match the filter (c clears it)"
		}
		body = append(body, f.sty.dim.Render(f.fit(msg)))
	}
	lines := append(above, body...)
	if f.height > 0 {
		// Keep the screen full so the footer stays at the bottom.
		for len(lines)+len(below) < f.height {
			lines = append(lines, "")
		}
	}
	lines = append(lines, below...)
	if f.height > 0 && len(lines) > f.height {
		lines = lines[:f.height]
	}
	return strings.Join(lines, "\n")
}

// fit cuts a plain string to the frame's width.
func (f *frame) fit(s string) string {
	if f.width <= 0 {
		return s
	}
	return ansi.Truncate(s, f.width, "…")
}

// cell cuts or pads a plain string to exactly w columns.
func cell(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = ansi.Truncate(s, w, "…")
	if pad := w - ansi.StringWidth(s); pad > 0 {
		s += strings.Repeat(" ", pad)
	}
	return s
}

func (f *frame) headerLine() string {
	mode := f.mode
	if mode == "" {
		mode = "enforce"
		if f.b.Monitor {
			mode = "monitor"
		}
	}
	parts := []string{"rampart watch", "mode " + mode, f.pol.String(), f.b.Chain.Status()}
	if f.source != "" {
		parts = append(parts, f.source)
	}
	text := f.fit(strings.Join(parts, " │ "))
	if f.b.Chain.Broken != "" || f.pol.err != "" {
		return f.sty.bad.Render(text)
	}
	return f.sty.title.Render(text)
}

func (f *frame) filterLine(shown int) string {
	var left string
	if f.searching {
		left = "search: " + f.input + "█  (enter applies, esc cancels)"
	} else {
		var parts []string
		if f.filter.DenyOnly {
			parts = append(parts, "deny only")
		}
		if f.filter.Tool != "" {
			parts = append(parts, "tool "+f.filter.Tool)
		}
		if f.filter.Search != "" {
			parts = append(parts, fmt.Sprintf("search %q", f.filter.Search))
		}
		if len(parts) == 0 {
			parts = append(parts, "all calls")
		}
		left = "showing " + strings.Join(parts, ", ")
		if shown > 0 {
			end := shown
			if f.maxRows > 0 {
				end = min(shown, f.top+f.maxRows)
			}
			if f.height > 0 {
				end = min(shown, f.top+max(f.rowsRoom(), 1))
			}
			left += fmt.Sprintf(" · %d-%d of %d", f.top+1, end, shown)
		}
		if f.b.Errors > 0 {
			noun := "bad lines"
			if f.b.Errors == 1 {
				noun = "bad line"
			}
			left += fmt.Sprintf(" · %d %s (last %s)", f.b.Errors, noun, feed.Clean(f.b.LastErr))
		} else if f.b.Note != "" {
			left += " · " + feed.Clean(f.b.Note)
		}
	}
	state, style := "● live", f.sty.dim
	if f.paused {
		state, style = "❚❚ paused", f.sty.paused
		if f.held > 0 {
			state += fmt.Sprintf(" (+%d)", f.held)
		}
	}
	if !f.tui {
		return f.fit(left)
	}
	room := f.width - ansi.StringWidth(state) - 1
	return cell(left, room) + " " + style.Render(state)
}

// rowsRoom is how many rows fit on screen.
func (f *frame) rowsRoom() int {
	below := 1
	if f.tui {
		below += 2
	}
	if f.appr.enabled {
		below += len(f.approvalLines())
	}
	return f.height - linesAbove - below
}

// columns lays out a row: marker and icon, time, tool, call, [agent,]
// policy. The call takes what the others leave.
type columns struct{ tool, agent, call, policy int }

func (f *frame) columns() columns {
	w := f.width
	if w <= 0 {
		w = 100
	}
	c := columns{tool: 6, policy: 22}
	if w >= 120 {
		c.agent = 14
		c.policy = 26
	}
	// "▸✗ 15:04:05  " is 13 columns, then tool, call, agent, policy with
	// one space between.
	c.call = w - 13 - c.tool - 1 - c.policy - 1
	if c.agent > 0 {
		c.call -= c.agent + 1
	}
	if c.call < 10 { // narrow: give the call room, drop the policy
		c.call += c.policy + 1
		c.policy = 0
	}
	return c
}

func (f *frame) columnsLine() string {
	c := f.columns()
	s := "   " + cell("TIME", 8) + "  " + cell("TOOL", c.tool) + " " + cell("CALL", c.call)
	if c.agent > 0 {
		s += " " + cell("AGENT", c.agent)
	}
	if c.policy > 0 {
		s += " " + cell("POLICY", c.policy)
	}
	return f.sty.dim.Render(f.fit(strings.TrimRight(s, " ")))
}

func (f *frame) rowLine(r *feed.Record, selected bool) string {
	c := f.columns()
	d := r.Action
	if int(d) >= len(icons) {
		d = call.Deny
	}
	marker := " "
	if selected {
		marker = "▸"
	}
	t := "--:--:--"
	if !r.Time.IsZero() {
		t = r.Time.Local().Format("15:04:05")
	}
	rest := " " + t + "  " + cell(feed.Clean(r.Tool), c.tool) + " " + cell(r.Summary, c.call)
	if c.agent > 0 {
		rest += " " + cell(feed.Clean(r.Agent), c.agent)
	}
	if c.policy > 0 {
		rest += " " + cell(policyOf(r), c.policy)
	}
	rest = strings.TrimRight(rest, " ")
	if selected {
		rest = f.sty.selected.Render(rest)
	}
	return marker + f.sty.decision[d].Render(icons[d]) + rest
}

// policyOf names what decided r: its matched policies; else the cause a
// flag or the message names (a credential redacted from a result, a policy
// that did not load, an audit log that could not be written, input that
// could not be read, a failed reload); else "default": the default action.
func policyOf(r *feed.Record) string {
	if len(r.MatchedPolicies) > 0 {
		return feed.Clean(strings.Join(r.MatchedPolicies, ","))
	}
	for _, c := range causes {
		if c.flag != "" && r.HasFlag(c.flag) || c.message != "" && strings.Contains(r.Message, c.message) {
			return c.name
		}
	}
	return "default"
}

// causes are the reasons other than a policy that decide a record, in the
// order they are looked for.
var causes = []struct{ flag, message, name string }{
	{flag: "redacted", name: "redaction"},
	{flag: "policy_reload", name: "policy reload"},
	{message: "policy could not be loaded", name: "policy failed to load"},
	{message: "audit log could not be written", name: "audit failed"},
	{flag: "bad_input", name: "bad input"},
	{flag: "fail_open", name: "fail-open"},
	{flag: "response", name: "credentials in output"},
}

func (f *frame) detailLine(rows []*feed.Record) string {
	if f.status != "" {
		return f.fit(feed.Clean(f.status))
	}
	if f.cursor >= len(rows) {
		return ""
	}
	r := rows[f.cursor]
	s := r.Action.String() + " by " + policyOf(r)
	if r.Message != "" {
		s += ": " + r.Message
	}
	var who []string
	for _, kv := range [][2]string{{"agent", r.Agent}, {"session", r.Session}, {"via", r.Via}} {
		if kv[1] != "" {
			who = append(who, kv[0]+" "+kv[1])
		}
	}
	if r.Seq > 0 {
		who = append(who, fmt.Sprintf("seq %d", r.Seq))
	}
	if len(who) > 0 {
		s += " · " + strings.Join(who, " · ")
	}
	return f.sty.dim.Render(f.fit(feed.Clean(s)))
}

func (f *frame) totalsLine() string {
	var parts []string
	for _, d := range []call.Action{call.Deny, call.RequireApproval, call.Log, call.Allow} {
		parts = append(parts, f.sty.decision[d].Render(fmt.Sprintf("%s %s %d", icons[d], words[d], f.b.Totals[d])))
	}
	s := strings.Join(parts, "   ") + fmt.Sprintf("   total %d", f.b.Total)
	if f.width > 0 && ansi.StringWidth(s) > f.width {
		s = ansi.Truncate(s, f.width, "…")
	}
	return s
}

func (f *frame) approvalLines() []string {
	a := f.appr
	switch {
	case a.err != "":
		return []string{f.sty.dim.Render(f.fit("approvals: " + feed.Clean(a.err)))}
	case len(a.list) == 0:
		return []string{f.sty.dim.Render(f.fit("approvals: none pending at " + a.addr))}
	}
	if !f.tui {
		lines := []string{f.fit(fmt.Sprintf("approvals: %d pending at %s", len(a.list), a.addr))}
		for _, p := range a.list {
			lines = append(lines, f.fit("  "+pendingText(p, f.now)))
		}
		return lines
	}
	sel := min(max(a.sel, 0), len(a.list)-1)
	head := fmt.Sprintf("? pending %d/%d ▸ ", sel+1, len(a.list))
	keys := "   a approve · r deny · tab next"
	if !a.canResolve {
		keys = "   (read-only: no admin token)"
	}
	room := f.width - ansi.StringWidth(head) - ansi.StringWidth(keys)
	return []string{f.sty.decision[call.RequireApproval].Render(head+cell(pendingText(a.list[sel], f.now), room)) + f.sty.dim.Render(keys)}
}

// pendingText describes one pending approval in a line.
func pendingText(p approval.Approval, now time.Time) string {
	c := p.Call
	params, _ := jsonOf(c.Params)
	s := feed.Clean(c.Tool) + " " + feed.Summarize(c.Tool, params)
	if len(p.Decision.MatchedPolicies) > 0 {
		s += " · " + feed.Clean(strings.Join(p.Decision.MatchedPolicies, ","))
	}
	if c.Agent != "" {
		s += " · agent " + feed.Clean(c.Agent)
	}
	if !p.Expires.IsZero() && !now.IsZero() {
		s += " · expires in " + p.Expires.Sub(now).Round(time.Second).String()
	}
	return s + " · " + p.ID
}

func (f *frame) keysLine() string {
	return f.sty.dim.Render(f.fit("q quit · p pause · d deny only · t tool · / search · c clear · ↑↓ pgup pgdn scroll"))
}
