package proxy

import (
	"rampart.dev/pkg/call"
)

// toolsList notes each listed tool's annotations, so later calls of the tool
// carry them to the policy, and with HideDenied removes the tools the policy
// would always deny. It reports whether r was changed.
func (p *Proxy) toolsList(r map[string]any) bool {
	tools, ok := r["tools"].([]any)
	if !ok {
		return false
	}
	p.mu.Lock()
	for _, t := range tools {
		if tm, ok := t.(map[string]any); ok {
			if name, ok := tm["name"].(string); ok {
				if ann, ok := tm["annotations"]; ok {
					p.annotations[name] = ann
				} else {
					delete(p.annotations, name)
				}
			}
		}
	}
	p.mu.Unlock()
	if !p.cfg.HideDenied || p.cfg.Monitor {
		return false
	}
	kept := tools[:0:0]
	for _, t := range tools {
		if tm, ok := t.(map[string]any); ok && p.alwaysDenied(tm) {
			continue
		}
		kept = append(kept, t)
	}
	if len(kept) == len(tools) {
		return false
	}
	r["tools"] = kept
	return true
}

// alwaysDenied asks the policy about a tool twice without recording it: with
// no arguments, and with a placeholder for every argument its input schema
// declares. A tool denied both ways is denied for its name or annotations,
// whatever it is given, and is hidden. A tool denied only for some arguments
// stays listed; its calls are judged one by one.
func (p *Proxy) alwaysDenied(tool map[string]any) bool {
	name, _ := tool["name"].(string)
	mk := func(args map[string]any) call.Call {
		params := call.Params{"server": p.cfg.Server, "tool": name, "arguments": args}
		if ann, ok := tool["annotations"]; ok {
			params["annotations"] = ann
		}
		p.mu.Lock()
		agent := p.agent
		p.mu.Unlock()
		return call.Call{Tool: call.ToolMCP, Params: params, Agent: agent, Session: p.cfg.Session, Cwd: p.cfg.Cwd}
	}
	if p.cfg.Judge.Probe(mk(map[string]any{})).Decision != call.Deny {
		return false
	}
	return p.cfg.Judge.Probe(mk(placeholders(tool))).Decision == call.Deny
}

// placeholders builds harmless arguments from a tool's input schema: "x" for
// strings, 0, false, [] and {} for the other types.
func placeholders(tool map[string]any) map[string]any {
	args := map[string]any{}
	schema, _ := tool["inputSchema"].(map[string]any)
	props, _ := schema["properties"].(map[string]any)
	for k, v := range props {
		ps, _ := v.(map[string]any)
		typ, _ := ps["type"].(string)
		switch typ {
		case "number", "integer":
			args[k] = float64(0)
		case "boolean":
			args[k] = false
		case "array":
			args[k] = []any{}
		case "object":
			args[k] = map[string]any{}
		default:
			args[k] = "x"
		}
	}
	return args
}
