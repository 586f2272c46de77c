package main

import (
	"fmt"
	"io"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"rampart.dev/pkg/call"
	"rampart.dev/rampart-watch/internal/board"
	"rampart.dev/rampart-watch/internal/feed"
)

// events returns records from seq from to seq to, of "echo SEQ" calls.
func events(from, to int) eventsMsg {
	var evs eventsMsg
	for i := from; i <= to; i++ {
		r := &feed.Record{Action: call.Allow, Summary: fmt.Sprintf("echo %d", i)}
		r.Seq, r.Tool, r.Decision = uint64(i), "exec", "allow"
		evs = append(evs, feed.Event{Record: r, Where: fmt.Sprintf("audit.jsonl:%d", i)})
	}
	return evs
}

func testModel() *model {
	m := &model{f: frame{b: &board.Board{}, tui: true, sty: newStyles(io.Discard, false)}}
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 12})
	return m
}

func press(m *model, keys ...string) {
	for _, k := range keys {
		msg := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		switch k {
		case "down":
			msg = tea.KeyMsg{Type: tea.KeyDown}
		case "pgdown":
			msg = tea.KeyMsg{Type: tea.KeyPgDown}
		case "end":
			msg = tea.KeyMsg{Type: tea.KeyEnd}
		}
		m.Update(msg)
	}
}

func selected(m *model) uint64 { return m.f.b.Rows(m.f.filter)[m.f.cursor].Seq }

// A scrolled view keeps its place when new records arrive on top; at the
// top it follows the newest.
func TestScrollKeepsPlace(t *testing.T) {
	m := testModel()
	m.Update(events(1, 50))
	if got := selected(m); got != 50 {
		t.Fatalf("selected seq %d at start, want the newest, 50", got)
	}
	m.Update(events(51, 51))
	if got := selected(m); got != 51 {
		t.Errorf("at the top, selected seq %d after a new record, want 51", got)
	}
	press(m, "down", "down")
	m.Update(events(52, 55))
	if got := selected(m); got != 49 {
		t.Errorf("scrolled, selected seq %d after new records, want 49 still", got)
	}
	press(m, "end")
	if got := selected(m); got != 1 {
		t.Errorf("end selects seq %d, want the oldest, 1", got)
	}
	if m.f.top+m.f.rowsRoom() < m.f.cursor+1 {
		t.Errorf("cursor %d is off screen (top %d, room %d)", m.f.cursor, m.f.top, m.f.rowsRoom())
	}
	press(m, "g")
	if m.f.cursor != 0 || m.f.top != 0 {
		t.Errorf("g leaves cursor %d top %d, want 0 0", m.f.cursor, m.f.top)
	}
}

func TestToolCycle(t *testing.T) {
	tools := []string{"exec", "read", "mcp"}
	cur := ""
	var seen []string
	for range 4 {
		cur = nextTool(tools, cur)
		seen = append(seen, cur)
	}
	if fmt.Sprint(seen) != "[exec read mcp ]" {
		t.Errorf("t cycles %q, want exec, read, mcp, then all", seen)
	}
}

func TestPauseHoldsRecords(t *testing.T) {
	m := testModel()
	m.Update(events(1, 3))
	press(m, "p")
	m.Update(events(4, 5))
	if m.f.b.Total != 3 || m.f.held != 2 {
		t.Errorf("paused: total %d held %d, want 3 and 2", m.f.b.Total, m.f.held)
	}
	press(m, "p")
	if m.f.b.Total != 5 || m.f.held != 0 {
		t.Errorf("resumed: total %d held %d, want 5 and 0", m.f.b.Total, m.f.held)
	}
}

// Hostile text in a record cannot reach the terminal as control codes.
func TestRowsAreClean(t *testing.T) {
	m := testModel()
	r, err := feed.Decode([]byte(`{"seq":1,"id":"x","tool":"exec\u001b[2J","agent":"a\u001b]0;x\u0007","params":{"command":"ls\u001b[31m"},"decision":"deny","matched_policies":["p\u009b"],"message":"m\r\n","hash":"` + strings.Repeat("0", 64) + `"}`))
	if err != nil {
		t.Fatal(err)
	}
	m.Update(eventsMsg{{Record: r}})
	for _, c := range m.View() {
		if (c < 0x20 && c != '\n') || c == 0x7f || (c >= 0x80 && c < 0xa0) {
			t.Fatalf("control character %U in the frame:\n%q", c, m.View())
		}
	}
}

func BenchmarkRender(b *testing.B) {
	m := testModel()
	m.Update(tea.WindowSizeMsg{Width: 140, Height: 50})
	for i := 1; i <= board.DefaultMax; i += 1000 {
		m.Update(events(i, i+999))
	}
	m.View() // fill the row cache once, as the first frame after a batch does
	b.ReportAllocs()
	for b.Loop() {
		m.View()
	}
}

// A pause that outlasts the board's capacity resumes by itself rather than
// holding records without bound.
func TestPauseResumesWhenFull(t *testing.T) {
	m := testModel()
	m.f.b.Max = 10
	press(m, "p")
	m.Update(events(1, 8))
	if !m.f.paused || m.f.held != 8 {
		t.Fatalf("paused %v held %d, want paused holding 8", m.f.paused, m.f.held)
	}
	m.Update(events(9, 12))
	if m.f.paused || m.f.held != 0 || m.f.b.Total != 12 {
		t.Errorf("paused %v held %d total %d, want resumed with all 12", m.f.paused, m.f.held, m.f.b.Total)
	}
	if !strings.Contains(m.View(), "resumed: more than 10 records arrived while paused") {
		t.Errorf("no word of the resume:\n%s", m.View())
	}
}
