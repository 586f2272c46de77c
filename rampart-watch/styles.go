package main

import (
	"io"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"rampart.dev/pkg/call"
)

// styles are the looks of the dashboard. Colours are the terminal's own 16
// (ANSI 1-6), so they follow the user's theme; nothing asks the terminal
// for its background, which would stall on terminals that never answer.
type styles struct {
	decision [call.Deny + 1]lipgloss.Style
	title    lipgloss.Style
	dim      lipgloss.Style
	selected lipgloss.Style
	bad      lipgloss.Style
	paused   lipgloss.Style
}

// icons mark each decision in a row, readable without colour.
var icons = [call.Deny + 1]string{
	call.Allow:           "✓",
	call.Log:             "•",
	call.RequireApproval: "?",
	call.Deny:            "✗",
}

// words name each decision in the totals.
var words = [call.Deny + 1]string{
	call.Allow:           "allow",
	call.Log:             "log",
	call.RequireApproval: "approval",
	call.Deny:            "deny",
}

// newStyles returns the styles for w. With color false (NO_COLOR, --once,
// or not a terminal) nothing but plain text is written.
func newStyles(w io.Writer, color bool) styles {
	r := lipgloss.NewRenderer(w)
	if !color {
		r.SetColorProfile(termenv.Ascii)
	}
	s := styles{
		title:    r.NewStyle().Bold(true),
		dim:      r.NewStyle().Faint(true),
		selected: r.NewStyle().Reverse(true),
		bad:      r.NewStyle().Foreground(lipgloss.Color("1")).Bold(true),
		paused:   r.NewStyle().Foreground(lipgloss.Color("3")).Bold(true),
	}
	s.decision[call.Allow] = r.NewStyle().Foreground(lipgloss.Color("2"))
	s.decision[call.Log] = r.NewStyle().Foreground(lipgloss.Color("6"))
	s.decision[call.RequireApproval] = r.NewStyle().Foreground(lipgloss.Color("3")).Bold(true)
	s.decision[call.Deny] = r.NewStyle().Foreground(lipgloss.Color("1")).Bold(true)
	return s
}
