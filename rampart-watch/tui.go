package main

import (
	"errors"
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"rampart.dev/pkg/approval"
	"rampart.dev/pkg/audit"
	"rampart.dev/rampart-watch/internal/board"
	"rampart.dev/rampart-watch/internal/feed"
)

// Refresh periods: the approvals are asked for this often (an event stream
// also asks after every approval event), and the policy file is checked
// for changes on the same tick.
const (
	tickEvery      = time.Second
	approvalsEvery = 2 * time.Second
)

// eventsMsg is a batch of events from the source.
type eventsMsg []feed.Event

type tickMsg time.Time

// verifiedMsg is what audit.Verify found for the whole log.
type verifiedMsg struct {
	res audit.Result
	err error
}

// model is the bubbletea model of the dashboard.
type model struct {
	f        frame
	held     []feed.Event // events that arrived while paused
	appr     *approvals
	lastAsk  time.Time
	policyAt string // the policy path to watch for changes
	explicit bool
	clock    func() time.Time
}

func (m *model) Init() tea.Cmd {
	cmds := []tea.Cmd{tick()}
	if m.appr != nil {
		m.lastAsk = m.clock()
		cmds = append(cmds, m.appr.list())
	}
	return tea.Batch(cmds...)
}

func tick() tea.Cmd {
	return tea.Tick(tickEvery, func(t time.Time) tea.Msg { return tickMsg(t) })
}

func (m *model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.f.width, m.f.height = msg.Width, msg.Height
		m.clamp()
	case eventsMsg:
		if m.f.paused {
			m.held = append(m.held, msg...)
			m.f.held += countRecords(msg)
			if m.f.held <= m.maxHeld() {
				return m, nil
			}
			// Holding more than the board keeps would only hold memory:
			// resume, and say why.
			m.f.paused = false
			msg, m.held, m.f.held = m.held, nil, 0
			m.f.status = fmt.Sprintf("resumed: more than %d records arrived while paused", m.maxHeld())
		}
		m.add(msg)
		for _, ev := range msg {
			if ev.Approvals && m.appr != nil {
				return m, m.appr.list()
			}
		}
	case tickMsg:
		m.f.now = time.Time(msg)
		var cmds []tea.Cmd
		cmds = append(cmds, tick())
		if m.appr != nil && m.f.now.Sub(m.lastAsk) >= approvalsEvery {
			m.lastAsk = m.f.now
			cmds = append(cmds, m.appr.list())
		}
		if m.policyAt != "" && stamp(m.policyAt) != m.f.pol.stamp {
			m.f.pol = loadPolicy(m.policyAt, m.explicit)
		}
		return m, tea.Batch(cmds...)
	case verifiedMsg:
		m.f.b.Chain.Verified(msg.res, msg.err)
	case approvalsMsg:
		m.f.appr.err = ""
		if msg.err != nil {
			m.f.appr.err = "no rampart-serve at " + m.f.appr.addr + " (" + shortErr(msg.err) + ")"
			m.f.appr.list = nil
			break
		}
		m.f.appr.list = msg.list
		m.f.appr.sel = min(m.f.appr.sel, max(len(msg.list)-1, 0))
	case resolvedMsg:
		verb := "denied"
		if msg.approved {
			verb = "approved"
		}
		m.f.status = verb + " " + msg.id
		if msg.err != nil {
			m.f.status = "could not resolve " + msg.id + ": " + shortErr(msg.err)
		}
		return m, m.appr.list()
	case tea.KeyMsg:
		return m.key(msg)
	}
	return m, nil
}

// add applies events to the board, keeping a scrolled view on the rows it
// showed: new rows arrive on top, so the cursor moves down with them unless
// it sits on the newest row.
func (m *model) add(evs []feed.Event) {
	n := m.f.b.Add(evs, m.f.filter)
	if m.f.cursor > 0 || m.f.top > 0 {
		m.f.cursor += n
		m.f.top += n
	}
	m.clamp()
}

// maxHeld bounds the records held while paused: as many as the board keeps.
func (m *model) maxHeld() int {
	if m.f.b.Max > 0 {
		return m.f.b.Max
	}
	return board.DefaultMax
}

func countRecords(evs []feed.Event) int {
	n := 0
	for _, ev := range evs {
		if ev.Record != nil {
			n++
		}
	}
	return n
}

func (m *model) key(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	f := &m.f
	// Keys typed faster than they are read arrive as one run of runes;
	// outside the search prompt each is a command of its own.
	if k.Type == tea.KeyRunes && len(k.Runes) > 1 && !k.Paste && !f.searching {
		var cmds []tea.Cmd
		for i, r := range k.Runes {
			_, cmd := m.key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
			cmds = append(cmds, cmd)
			if r == '/' { // the rest is the search text
				f.input += string(k.Runes[i+1:])
				break
			}
		}
		return m, tea.Batch(cmds...)
	}
	if f.searching {
		switch k.Type {
		case tea.KeyEnter:
			f.searching = false
			f.filter.Search = f.input
			m.reset()
		case tea.KeyEsc, tea.KeyCtrlC:
			f.searching = false
			f.input = ""
		case tea.KeyBackspace:
			if r := []rune(f.input); len(r) > 0 {
				f.input = string(r[:len(r)-1])
			}
		case tea.KeyRunes, tea.KeySpace:
			if len(f.input) < 200 { // a search term, not a paste of a file
				f.input += string(k.Runes)
			}
		}
		return m, nil
	}
	f.status = ""
	switch k.String() {
	case "q", "ctrl+c":
		return m, tea.Quit
	case "esc":
		if f.filter.Search != "" {
			f.filter.Search = ""
			m.reset()
		}
	case "down", "j":
		f.cursor++
	case "up", "k":
		f.cursor--
	case "pgdown", "ctrl+f":
		f.cursor += max(f.rowsRoom()-1, 1)
		f.top += max(f.rowsRoom()-1, 1)
	case "pgup", "ctrl+b":
		f.cursor -= max(f.rowsRoom()-1, 1)
		f.top -= max(f.rowsRoom()-1, 1)
	case "home", "g":
		f.cursor, f.top = 0, 0
	case "end", "G":
		f.cursor = len(f.b.Rows(f.filter)) - 1
	case "p", " ":
		f.paused = !f.paused
		if !f.paused {
			held := m.held
			m.held, f.held = nil, 0
			m.add(held)
		}
	case "d":
		f.filter.DenyOnly = !f.filter.DenyOnly
		m.reset()
	case "t":
		f.filter.Tool = nextTool(f.b.Tools(), f.filter.Tool)
		m.reset()
	case "/":
		f.searching, f.input = true, f.filter.Search
	case "c":
		f.filter = board.Filter{}
		m.reset()
	case "tab":
		if n := len(f.appr.list); n > 0 {
			f.appr.sel = (f.appr.sel + 1) % n
		}
	case "a", "r":
		return m, m.resolve(k.String() == "a")
	}
	m.clamp()
	return m, nil
}

// resolve approves or denies the selected pending approval.
func (m *model) resolve(approve bool) tea.Cmd {
	f := &m.f
	switch {
	case m.appr == nil || len(f.appr.list) == 0:
		f.status = "no pending approvals"
		return nil
	case !f.appr.canResolve:
		f.status = "cannot resolve approvals: no admin token (" + approvalHint + ")"
		return nil
	}
	p := f.appr.list[min(f.appr.sel, len(f.appr.list)-1)]
	f.status = "resolving " + p.ID + "…"
	return m.appr.resolve(p.ID, approve)
}

const approvalHint = "rampart-serve writes it to admin.token in the Rampart home"

// nextTool cycles the tool filter: every tool seen, then all tools again.
func nextTool(tools []string, cur string) string {
	if cur == "" {
		if len(tools) == 0 {
			return ""
		}
		return tools[0]
	}
	for i, t := range tools {
		if t == cur && i+1 < len(tools) {
			return tools[i+1]
		}
	}
	return ""
}

func (m *model) reset() { m.f.cursor, m.f.top = 0, 0 }

// clamp keeps the cursor on a row and the row on screen.
func (m *model) clamp() {
	f := &m.f
	n := len(f.b.Rows(f.filter))
	room := max(f.rowsRoom(), 1)
	f.cursor = min(max(f.cursor, 0), max(n-1, 0))
	f.top = min(max(f.top, 0), max(n-room, 0))
	if f.cursor < f.top {
		f.top = f.cursor
	}
	if f.cursor >= f.top+room {
		f.top = f.cursor - room + 1
	}
}

func (m *model) View() string {
	if m.f.width == 0 {
		return "" // no size yet; the first WindowSizeMsg follows at once
	}
	return m.f.render()
}

// shortErr words an error from rampart-serve for one line.
func shortErr(err error) string {
	var se *approval.StatusError
	switch {
	case errors.Is(err, approval.ErrForbidden):
		return "token refused"
	case errors.As(err, &se):
		return fmt.Sprintf("HTTP %d", se.Code)
	}
	return err.Error()
}
