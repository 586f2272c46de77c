package engine

import (
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// subject is one thing the policies judge; see the package doc.
type subject struct {
	tool    string // tool name the policies match on
	primary bool   // gets the default action when no rule decides
	text    string // what Decision.Matched shows

	argv   *match.Argv   // a simple command
	raw    string        // the raw command line, on the first command subject only
	stages []*match.Argv // a pipeline
	path   string        // cleaned path
	url    *match.URL    // parsed URL
	urlRaw string
	sql    string // normalised SQL

	content string // write content

	mcpTool string         // MCP tool name
	args    map[string]any // MCP arguments
	hints   []string       // MCP annotations that are true
}

func (ev *evaluation) run(trace *Trace) {
	c := ev.c
	switch c.Tool {
	case call.ToolExec:
		ev.exec(c.Command(), true, c.Tool)
	case call.ToolRead, call.ToolWrite:
		p := match.CleanPath(c.Path(), c.Cwd, ev.e.env.Home)
		s := subject{tool: c.Tool, primary: true, text: p, path: p, content: c.Content()}
		ev.judge(&s)
	case call.ToolFetch:
		raw := c.URL()
		s := subject{tool: call.ToolFetch, primary: true, text: raw, urlRaw: raw}
		if u, ok := match.ParseURL(raw); ok {
			s.url = &u
		}
		ev.judge(&s)
	case call.ToolMCP:
		ev.mcp()
	default:
		s := subject{tool: c.Tool, primary: true, text: c.Tool}
		ev.judge(&s)
	}
}

// exec judges a command line: its simple commands, pipelines and what they
// touch. primary is false for commands found inside MCP arguments.
func (ev *evaluation) exec(line string, primary bool, tool string) {
	c, home := ev.c, ev.e.env.Home
	res := shell.Parse(line)
	if res.Unparsed {
		ev.flag(call.FlagUnparsed)
	}
	if res.Truncated {
		ev.flag(call.FlagTruncated)
	}
	if len(res.Commands) == 0 {
		s := subject{tool: tool, primary: primary, text: line, raw: line, argv: &match.Argv{}}
		ev.judge(&s)
		return
	}
	argvs := make([]match.Argv, len(res.Commands))
	for i := range res.Commands {
		sc := &res.Commands[i]
		argvs[i] = match.NewArgv(sc.Name, sc.Program, sc.Args, c.Cwd, home)
	}
	for i := range res.Commands {
		s := subject{tool: tool, primary: primary, argv: &argvs[i], text: argvs[i].String()}
		if i == 0 {
			s.raw = line
		}
		ev.judge(&s)
		if ev.denied() {
			return
		}
	}
	// Pipelines of two or more commands, in stage order.
	for i := 0; i < len(res.Commands); {
		j := i + 1
		for j < len(res.Commands) && res.Commands[j].Pipeline == res.Commands[i].Pipeline {
			j++
		}
		if j-i > 1 {
			stages := make([]*match.Argv, 0, j-i)
			for k := i; k < j; k++ {
				stages = append(stages, &argvs[k])
			}
			sortStages(stages, res.Commands[i:j])
			s := subject{tool: tool, stages: stages, text: line}
			ev.judge(&s)
			if ev.denied() {
				return
			}
		}
		i = j
	}
	for i := range res.Commands {
		ev.derived(&res.Commands[i], &argvs[i])
		if ev.denied() {
			return
		}
	}
}

// sortStages orders a pipeline's commands by stage (the normaliser may
// report inner commands of a stage before the stage itself).
func sortStages(st []*match.Argv, cmds []shell.Command) {
	for i := 1; i < len(st); i++ {
		for j := i; j > 0 && cmds[j].Stage < cmds[j-1].Stage; j-- {
			st[j], st[j-1] = st[j-1], st[j]
			cmds[j], cmds[j-1] = cmds[j-1], cmds[j]
		}
	}
}

func (ev *evaluation) flag(f string) {
	for _, x := range ev.flags {
		if x == f {
			return
		}
	}
	ev.flags = append(ev.flags, f)
}

// derived judges the paths, URLs and SQL one simple command touches.
func (ev *evaluation) derived(sc *shell.Command, a *match.Argv) {
	c, home := ev.c, ev.e.env.Home
	for _, r := range sc.Redirects {
		if r.Target == "" || r.Op == "<<<" || r.Op == "<<" || strings.HasPrefix(r.Target, "&") || r.Target == "/dev/null" {
			continue
		}
		tool := call.ToolWrite
		if r.Op == "<" {
			tool = call.ToolRead
		}
		ev.pathSubject(tool, match.CleanPath(r.Target, c.Cwd, home))
	}
	for _, t := range touches(a) {
		switch t.tool {
		case call.ToolFetch:
			s := subject{tool: call.ToolFetch, text: t.arg, urlRaw: t.arg}
			if u, ok := match.ParseURL(t.arg); ok {
				s.url = &u
			}
			ev.judge(&s)
		case toolSQL:
			s := subject{tool: toolSQL, text: t.arg, sql: normalizeSQL(t.arg)}
			ev.judge(&s)
		default:
			ev.pathSubject(t.tool, match.CleanPath(t.arg, c.Cwd, home))
		}
		if ev.denied() {
			return
		}
	}
}

func (ev *evaluation) pathSubject(tool, p string) {
	if p == "" {
		return
	}
	s := subject{tool: tool, text: p, path: p}
	ev.judge(&s)
}

// toolSQL is the tool name of SQL statements found in commands and MCP
// arguments.
const toolSQL = "sql"

// normalizeSQL upper-cases a statement and collapses its white space, so
// `drop   table` matches `*DROP TABLE*`.
func normalizeSQL(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), " "))
}
