package proxy

import (
	"strings"

	"rampart.dev/pkg/call"
)

// startHold waits for the approval of a held call in its own goroutine, so
// other messages keep flowing, then forwards line or answers with a denial.
func (p *Proxy) startHold(h *held, line []byte) {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		h.cancel()
		p.client.write(errorResponse(h.env.id, codeInternal, "rampart-mcp: the server has exited"))
		return
	}
	p.held[h.key] = h.cancel
	p.mu.Unlock()
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		defer h.cancel()
		var a Approval
		var err error = ErrNoApprover
		if p.cfg.Approver != nil {
			a, err = p.cfg.Approver.Approve(h.ctx, h.c, h.d)
		}
		p.mu.Lock()
		_, still := p.held[h.key]
		delete(p.held, h.key)
		closed := p.closed
		p.mu.Unlock()
		if !still || h.ctx.Err() != nil {
			if closed {
				// The server exited while the call waited: the client
				// still gets an answer for it. (A call the client
				// cancelled gets none, as the protocol says.)
				p.client.write(errorResponse(h.env.id, codeInternal, "rampart-mcp: the server exited while the call waited for approval"))
			}
			return
		}
		d := h.d
		text := ""
		switch {
		case err != nil:
			d.Decision = call.Deny
			d.Message = approvalHint(h.d, err)
			text = approvalText(h.d, d.Message)
		case !a.Approved:
			d.Decision = call.Deny
			d.Message = "approval denied"
			if a.Message != "" {
				d.Message += ": " + a.Message
			}
		case closed:
			p.client.write(errorResponse(h.env.id, codeInternal, "rampart-mcp: the server has exited"))
			return
		default:
			p.addPending(pending{id: h.env.id, method: "tools/call", call: &h.c})
			if p.server.write(line) != nil {
				p.takePending(h.key)
				p.client.write(errorResponse(h.env.id, codeInternal, "rampart-mcp: the server is not reading"))
			}
			return
		}
		if text == "" {
			text = denyText(d)
		}
		p.remember(h.key)
		if asTask(h.env.params) {
			p.client.write(p.denyAsTask(h.env.id, denyMap(text, d, h.modern), text))
			return
		}
		p.client.write(denyResult(h.env.id, text, d, h.modern))
	}()
}

// approvalHint explains a require_approval that could not be asked.
func approvalHint(d call.Decision, err error) string {
	var b strings.Builder
	b.WriteString("approval required")
	if d.Message != "" {
		b.WriteString(" (" + d.Message + ")")
	}
	b.WriteString(", but ")
	b.WriteString(err.Error())
	if err == ErrNoApprover {
		b.WriteString(": start rampart-serve, retry the call, and approve it with `rampart approve ID`")
	}
	return b.String()
}
