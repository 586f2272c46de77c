package decide

import (
	"sync"

	"rampart.dev/pkg/engine"
	"rampart.dev/pkg/policy"
)

// engineCache keeps an engine per policy in force, so that what an engine
// works out about its policy on first use (the rules left per program,
// the entries admitting a tool, the files read rules name) is worked out
// once per policy rather than once per call. Each call still evaluates
// with an Env of its own (engine.Engine.WithEnv): its symbolic link
// resolver caches lookups for that call only.
type engineCache struct {
	mu      sync.Mutex
	engines map[*policy.Policy]*engine.Engine
	// response notes, per policy, whether it has response_matches rules.
	response map[*policy.Policy]bool
}

// maxEngines bounds the cache: reloads and project layers make new
// policies, and the old ones are dropped with the rest when it is full.
const maxEngines = 64

// engine returns the cached engine for pol with env.
func (c *engineCache) engine(pol *policy.Policy, env engine.Env) *engine.Engine {
	c.mu.Lock()
	e, ok := c.engines[pol]
	if !ok {
		if c.engines == nil || len(c.engines) >= maxEngines {
			c.engines = map[*policy.Policy]*engine.Engine{}
		}
		e = engine.New(pol, engine.Env{Home: env.Home})
		c.engines[pol] = e
	}
	c.mu.Unlock()
	return e.WithEnv(env)
}

// hasResponseRules reports whether pol has response_matches rules,
// looking through its rules once per policy.
func (c *engineCache) hasResponseRules(pol *policy.Policy) bool {
	c.mu.Lock()
	has, ok := c.response[pol]
	c.mu.Unlock()
	if ok {
		return has
	}
	has = responseRulesIn(pol)
	c.mu.Lock()
	if c.response == nil || len(c.response) >= maxEngines {
		c.response = map[*policy.Policy]bool{}
	}
	c.response[pol] = has
	c.mu.Unlock()
	return has
}

// responseRulesIn reports whether a rule of pol reads a tool's output.
func responseRulesIn(pol *policy.Policy) bool {
	for _, e := range pol.Entries {
		for _, r := range e.Rules() {
			if len(r.Response) > 0 {
				return true
			}
		}
	}
	return false
}
