package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// A payment service's live account holds production's data: customers'
// names, mail and addresses, their charges, the balance. Read into the
// agent's context (stripe customers list --live, a GET of api.stripe.com
// with an sk_live_ key, an SDK one-liner given the live key, the same
// request through the fetch tool or an MCP tool, which are judged as the
// curl line that sends them) it is the flow "payment-data->agent", which
// the standard profile asks; test mode, and a key whose mode is not said
// ($STRIPE_SECRET_KEY), pass. Changes (refunds, payouts, deletes) are
// judged by their own effects; this one only adds that the account is
// live.

// livePaymentServices are the services whose live mode is read here: the
// program's name, the API's host and the word an SDK's code names it by.
var livePaymentServices = [...]struct{ program, host, sdk string }{
	{"stripe", "api.stripe.com", "stripe"},
}

// liveKey reports whether a word carries a live-mode key: a Stripe secret
// or restricted live key, or a variable named for one (STRIPE_LIVE_KEY,
// $LIVE_STRIPE_SECRET).
func liveKey(w string) bool {
	if strings.Contains(w, "sk_live_") || strings.Contains(w, "rk_live_") {
		return true
	}
	if !strings.Contains(w, "LIVE") {
		return false
	}
	for _, part := range strings.FieldsFunc(w, func(r rune) bool { return !(r == '_' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') }) {
		if strings.Contains(part, "STRIPE") && (strings.Contains(part, "_LIVE") || strings.HasPrefix(part, "LIVE_")) {
			return true
		}
	}
	return false
}

// readsLivePayments judges a command that reaches a payment service's live
// account: its CLI in live mode, an HTTP client calling its API with a
// live key, or an interpreter's code that names the SDK and a live key.
func (a *analysis) readsLivePayments(i int, c *shell.Command, cl *catalog.Classified) {
	live := false
	for _, as := range c.Assigns {
		if liveKey(as) {
			live = true
		}
	}
	for _, w := range c.Args {
		if w == "--live" || liveKey(w) {
			live = true
			break
		}
	}
	if !live {
		return // the cheap test: nothing of the line is live
	}
	name := c.Name
	if k := strings.LastIndexByte(name, '/'); k >= 0 {
		name = name[k+1:]
	}
	e := cl.Entry
	for _, s := range livePaymentServices {
		why := ""
		switch {
		case name == s.program:
			for _, w := range c.Args {
				switch w {
				case "-h", "--help", "help", "version", "--version", "-v":
					return
				}
			}
			why = s.program + " in live mode"
		case e != nil && e.HasProps() && e.Prop("fetcher") != "":
			for _, w := range c.Args {
				if strings.Contains(w, s.host) {
					why = s.host + " called with a live key"
					break
				}
			}
		default:
			// a one-liner's code (python -c, node -e, ruby -e) naming the
			// SDK and a live key
			codes := []string{}
			if code, ok, _ := shell.InterpreterCode(c); ok {
				codes = append(codes, code)
			}
			for _, w := range cl.Words {
				if w.Role == catalog.Code {
					codes = append(codes, w.Text)
				}
			}
			for _, code := range codes {
				if strings.Contains(strings.ToLower(code), s.sdk) && liveKey(code) {
					why = s.sdk + " SDK given a live key"
					break
				}
			}
		}
		if why != "" {
			a.add(Effect{Kind: Flow, Cmd: i, Detail: "payment-data->agent", Word: why})
			return
		}
	}
}
