package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// vt is just enough of a terminal to read back what the dashboard drew:
// printable text, CR/LF, cursor moves (CUU/CUD/CUF/CUB/CUP/CHA/VPA), erase
// in line and display, scrolling at the bottom, and answers to cursor
// position reports (which termenv asks for at start, waiting up to five
// seconds for a terminal that never answers). Colours, modes and OSC
// strings are parsed and dropped. Every character is one cell wide, as the
// dashboard only prints such characters.
type vt struct {
	mu sync.Mutex
	// reply receives the terminal's answers, such as cursor positions.
	reply io.Writer

	w, h  int
	cells [][]rune
	x, y  int

	state  int // ground, esc, csi, osc, charset
	params []byte
	pend   []byte // an incomplete UTF-8 sequence
	raw    strings.Builder
}

const (
	vtGround = iota
	vtEsc
	vtCSI
	vtOSC
	vtOSCEsc
	vtCharset
)

func newVT(w, h int) *vt {
	t := &vt{}
	t.resize(w, h)
	return t
}

func (t *vt) resize(w, h int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	cells := make([][]rune, h)
	for y := range cells {
		cells[y] = []rune(strings.Repeat(" ", w))
		if y < len(t.cells) {
			copy(cells[y], t.cells[y])
		}
	}
	t.w, t.h, t.cells = w, h, cells
	t.x, t.y = min(t.x, w-1), min(t.y, h-1)
}

// screen returns the screen's lines with trailing blanks cut.
func (t *vt) screen() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	lines := make([]string, t.h)
	for y, row := range t.cells {
		lines[y] = strings.TrimRight(string(row), " ")
	}
	return strings.Join(lines, "\n")
}

// rawOutput is every byte written so far.
func (t *vt) rawOutput() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.raw.String()
}

func (t *vt) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.raw.Write(p)
	b := append(t.pend, p...)
	t.pend = nil
	for len(b) > 0 {
		c := b[0]
		if t.state != vtGround || c < 0x80 {
			t.byte(c)
			b = b[1:]
			continue
		}
		if !utf8.FullRune(b) {
			t.pend = append([]byte(nil), b...)
			break
		}
		r, n := utf8.DecodeRune(b)
		t.put(r)
		b = b[n:]
	}
	return len(p), nil
}

func (t *vt) byte(c byte) {
	switch t.state {
	case vtGround:
		switch c {
		case 0x1b:
			t.state = vtEsc
		case '\r':
			t.x = 0
		case '\n':
			t.lineFeed()
		case '\b':
			t.x = max(t.x-1, 0)
		case '\t':
			t.x = min((t.x/8+1)*8, t.w-1)
		default:
			if c >= 0x20 && c != 0x7f {
				t.put(rune(c))
			}
		}
	case vtEsc:
		switch c {
		case '[':
			t.state, t.params = vtCSI, t.params[:0]
		case ']':
			t.state = vtOSC
		case '(', ')':
			t.state = vtCharset
		default:
			t.state = vtGround
		}
	case vtCharset:
		t.state = vtGround
	case vtOSC:
		switch c {
		case 0x07:
			t.state = vtGround
		case 0x1b:
			t.state = vtOSCEsc
		}
	case vtOSCEsc:
		t.state = vtGround
	case vtCSI:
		if c >= 0x40 && c <= 0x7e {
			t.csi(c)
			t.state = vtGround
			return
		}
		t.params = append(t.params, c)
	}
}

func (t *vt) put(r rune) {
	if t.x >= t.w {
		return // the dashboard never writes past the edge; drop it if it did
	}
	t.cells[t.y][t.x] = r
	t.x++
}

func (t *vt) lineFeed() {
	if t.y < t.h-1 {
		t.y++
		return
	}
	copy(t.cells, t.cells[1:])
	t.cells[t.h-1] = []rune(strings.Repeat(" ", t.w))
}

func (t *vt) csi(final byte) {
	ps := string(t.params)
	private := strings.HasPrefix(ps, "?")
	var n []int
	for _, f := range strings.Split(strings.TrimLeft(ps, "?>="), ";") {
		v, _ := strconv.Atoi(f)
		n = append(n, v)
	}
	arg := func(i, def int) int {
		if i < len(n) && n[i] > 0 {
			return n[i]
		}
		return def
	}
	if private {
		return // modes: alt screen, cursor visibility, mouse, paste
	}
	if final == 'n' && arg(0, 0) == 6 && t.reply != nil {
		answer := fmt.Sprintf("\x1b[%d;%dR", t.y+1, t.x+1)
		go t.reply.Write([]byte(answer))
		return
	}
	clear := func(y, from, to int) {
		for x := max(from, 0); x < min(to, t.w); x++ {
			t.cells[y][x] = ' '
		}
	}
	switch final {
	case 'A':
		t.y = max(t.y-arg(0, 1), 0)
	case 'B':
		t.y = min(t.y+arg(0, 1), t.h-1)
	case 'C':
		t.x = min(t.x+arg(0, 1), t.w-1)
	case 'D':
		t.x = max(t.x-arg(0, 1), 0)
	case 'H', 'f':
		t.y = min(arg(0, 1), t.h) - 1
		t.x = min(arg(1, 1), t.w) - 1
	case 'G':
		t.x = min(arg(0, 1), t.w) - 1
	case 'd':
		t.y = min(arg(0, 1), t.h) - 1
	case 'K':
		switch arg(0, 0) {
		case 0:
			clear(t.y, t.x, t.w)
		case 1:
			clear(t.y, 0, t.x+1)
		case 2:
			clear(t.y, 0, t.w)
		}
	case 'J':
		switch arg(0, 0) {
		case 0:
			clear(t.y, t.x, t.w)
			for y := t.y + 1; y < t.h; y++ {
				clear(y, 0, t.w)
			}
		case 1:
			for y := 0; y < t.y; y++ {
				clear(y, 0, t.w)
			}
			clear(t.y, 0, t.x+1)
		case 2, 3:
			for y := 0; y < t.h; y++ {
				clear(y, 0, t.w)
			}
		}
	}
}
