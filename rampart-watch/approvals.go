package main

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"rampart.dev/pkg/approval"
)

// approvalTimeout bounds one request to rampart-serve, so that a hung
// server cannot freeze the footer.
const approvalTimeout = 3 * time.Second

// approvals talks to rampart-serve's approval API.
type approvals struct {
	client     *approval.Client
	canResolve bool
}

type approvalsMsg struct {
	list []approval.Approval
	err  error
}

type resolvedMsg struct {
	id       string
	approved bool
	err      error
}

// list fetches the pending approvals.
func (a *approvals) list() tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), approvalTimeout)
		defer cancel()
		l, err := a.client.List(ctx, "")
		return approvalsMsg{list: pendingOnly(l), err: err}
	}
}

func pendingOnly(l []approval.Approval) []approval.Approval {
	out := l[:0:0]
	for _, a := range l {
		if a.Status == approval.Pending {
			out = append(out, a)
		}
	}
	return out
}

// resolve approves or denies one approval.
func (a *approvals) resolve(id string, approved bool) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), approvalTimeout)
		defer cancel()
		_, err := a.client.Resolve(ctx, id, approved, "from rampart watch")
		return resolvedMsg{id: id, approved: approved, err: err}
	}
}
