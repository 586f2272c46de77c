package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/term"

	"rampart.dev/pkg/approval"
	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/home"
	"rampart.dev/rampart-watch/internal/board"
	"rampart.dev/rampart-watch/internal/feed"
)

// Version is set at build time with -ldflags "-X main.Version=v1.2.3".
var Version string

func main() {
	// SIGTERM too, so that the terminal is given back (raw mode off, main
	// screen restored) when the dashboard is told to stop.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// config is the command line.
type config struct {
	file, server, policy string
	policyExplicit       bool
	once                 bool
	width, rows          int
	filter               board.Filter
	mode                 string
	poll                 time.Duration
	history              int
	layout               home.Layout
}

func parse(args []string, stderr io.Writer) (*config, error) {
	fs := flag.NewFlagSet("rampart-watch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	c := &config{}
	fs.StringVar(&c.file, "file", "", "audit log to follow (default: audit/audit.jsonl in the Rampart home)")
	fs.StringVar(&c.server, "server", "", "follow a rampart-serve event stream at `URL` instead of the file")
	fs.StringVar(&c.policy, "config", "", "policy `file` named in the header (default: policy.yaml in the Rampart home)")
	fs.BoolVar(&c.once, "once", false, "print one frame as plain text and exit")
	fs.IntVar(&c.width, "width", 0, "width of the --once frame (default: $COLUMNS, else 100)")
	fs.IntVar(&c.rows, "rows", 0, "rows in the --once frame (default: all)")
	fs.BoolVar(&c.filter.DenyOnly, "deny", false, "show denied calls only")
	fs.StringVar(&c.filter.Tool, "tool", "", "show calls of this `tool` only")
	fs.StringVar(&c.filter.Search, "search", "", "show calls containing this `text` only")
	fs.StringVar(&c.mode, "mode", "", "mode shown in the header: enforce or monitor (default: from the records)")
	fs.DurationVar(&c.poll, "poll", 250*time.Millisecond, "how often the file is checked for new records")
	fs.IntVar(&c.history, "history", board.DefaultMax, "records kept for scrolling")
	version := fs.Bool("version", false, "print the version and exit")
	fs.Usage = func() { fmt.Fprint(stderr, usageText(fs)) }
	// Only the command line sets flags: the environment variables read are
	// the documented ones (RAMPART_HOME, RAMPART_SERVE_ADDR).
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if *version {
		return nil, errVersion
	}
	if fs.NArg() > 0 {
		return nil, usageErr(fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	}
	switch c.mode {
	case "", "enforce", "monitor":
	default:
		return nil, usageErr(fmt.Sprintf("-mode %q: want enforce or monitor", c.mode))
	}
	if c.file != "" && c.server != "" && !c.once {
		return nil, usageErr("-file can't be used with -server: the dashboard follows one source")
	}
	if c.history <= 0 || c.poll <= 0 {
		return nil, usageErr("-history and -poll must be positive")
	}
	userHome, _ := os.UserHomeDir()
	c.layout = home.Resolve(os.Getenv, userHome)
	if c.file == "" {
		c.file = c.layout.AuditLog()
	}
	c.policyExplicit = c.policy != ""
	if !c.policyExplicit {
		c.policy = c.layout.Policy()
	}
	if c.width <= 0 {
		fmt.Sscan(os.Getenv("COLUMNS"), &c.width)
		if c.width <= 0 {
			c.width = 100
		}
	}
	return c, nil
}

var errVersion = errors.New("version")

type usageErr string

func (e usageErr) Error() string { return string(e) }

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c, err := parse(args, stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errVersion):
		fmt.Fprintln(stdout, "rampart-watch", version())
		return 0
	case err != nil:
		fmt.Fprintf(stderr, "rampart-watch: error: %v\n", err)
		return 2
	}
	if c.once {
		err = once(ctx, c, stdout)
	} else {
		err = watch(ctx, c, stdin, stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "rampart-watch: error: %v\n", err)
		if errors.Is(err, errNotTerminal) {
			fmt.Fprintln(stderr, "rampart-watch: hint: use --once to print one frame as text")
		}
		return 2
	}
	return 0
}

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// newFrame sets up what both the dashboard and --once draw.
func newFrame(c *config, b *board.Board) frame {
	f := frame{b: b, filter: c.filter, mode: c.mode, pol: loadPolicy(c.policy, c.policyExplicit)}
	if c.server != "" {
		f.source = "events from " + c.server
	} else {
		f.source = c.file
	}
	return f
}

// approvalsFor returns a client for rampart-serve's approvals, at --server
// or where rampart-serve listens by default, with the admin token when it
// is readable (it may resolve) or else the agent token (it may only list).
// It returns nil when there is neither token: no server was ever set up.
func approvalsFor(c *config) (*approvals, string) {
	addr := c.server
	if addr == "" {
		addr = os.Getenv("RAMPART_SERVE_ADDR")
	}
	if addr == "" {
		addr = approval.DefaultAddr
	}
	addr = strings.TrimPrefix(strings.TrimPrefix(addr, "http://"), "https://")
	if strings.HasPrefix(c.server, "https://") {
		addr = c.server
	}
	if tok, err := approval.ReadToken(c.layout.AdminToken()); err == nil {
		return &approvals{client: &approval.Client{Addr: addr, Token: tok}, canResolve: true}, addr
	}
	if tok, err := approval.ReadToken(c.layout.AgentToken()); err == nil {
		return &approvals{client: &approval.Client{Addr: addr, Token: tok}}, addr
	}
	return nil, addr
}

// once prints one plain-text frame of the audit file (and of the pending
// approvals when a server is named).
func once(ctx context.Context, c *config, stdout io.Writer) error {
	b := &board.Board{Max: c.history}
	if err := (feed.File{Path: c.file}).ReadAll(func(evs []feed.Event) { b.Add(evs, c.filter) }); err != nil {
		return err
	}
	if exists(c.file) {
		b.Chain.Verified(audit.Verify(c.file, audit.VerifyOptions{}))
	}
	f := newFrame(c, b)
	f.source = c.file
	f.width, f.sty, f.now = c.width, newStyles(io.Discard, false), time.Now()
	if c.server != "" {
		a, addr := approvalsFor(c)
		f.appr = approvalView{enabled: true, addr: addr}
		if a == nil {
			f.appr.err = "no token to ask rampart-serve at " + addr
		} else if msg, ok := a.list()().(approvalsMsg); ok && msg.err != nil {
			f.appr.err = "no rampart-serve at " + addr + " (" + shortErr(msg.err) + ")"
		} else {
			f.appr.list = msg.list
		}
	}
	f.maxRows = c.rows
	out := f.render()
	var sb strings.Builder
	for _, l := range strings.Split(out, "\n") {
		sb.WriteString(strings.TrimRight(l, " "))
		sb.WriteByte('\n')
	}
	_, err := io.WriteString(stdout, sb.String())
	return err
}

var errNotTerminal = errors.New("stdout is not a terminal")

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// watch runs the live dashboard until the user quits or ctx is done.
func watch(ctx context.Context, c *config, stdin io.Reader, stdout io.Writer) error {
	out, ok := stdout.(*os.File)
	if !ok || !term.IsTerminal(out.Fd()) {
		return errNotTerminal
	}
	b := &board.Board{Max: c.history}
	m := &model{f: newFrame(c, b), clock: time.Now, explicit: c.policyExplicit, policyAt: c.policy}
	m.f.tui = true
	m.f.now = time.Now()
	m.f.sty = newStyles(out, os.Getenv("NO_COLOR") == "")
	a, addr := approvalsFor(c)
	m.f.appr = approvalView{enabled: true, addr: addr}
	if a != nil {
		m.appr = a
		m.f.appr.canResolve = a.canResolve
	} else {
		m.f.appr.err = "no rampart-serve token in " + c.layout.Dir + " (start rampart-serve to approve from here)"
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	p := tea.NewProgram(m, tea.WithContext(ctx), tea.WithAltScreen(), tea.WithInput(stdin), tea.WithOutput(out))
	emit := func(evs []feed.Event) { p.Send(eventsMsg(evs)) }
	if c.server == "" && exists(c.file) {
		// The whole log, rotated files and head file included, is checked
		// once in the background; the records read from now on are checked
		// one by one as they arrive.
		b.Chain.Verifying()
		go func() {
			res, err := audit.Verify(c.file, audit.VerifyOptions{})
			p.Send(verifiedMsg{res, err})
		}()
	}
	go func() {
		if c.server != "" {
			tok, _ := approval.ReadToken(c.layout.AgentToken())
			feed.Stream{URL: c.server, Token: tok}.Run(ctx, emit)
			return
		}
		feed.File{Path: c.file, Poll: c.poll}.Run(ctx, emit)
	}()
	_, err := p.Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil // interrupted: a normal way to leave
	}
	return err
}
