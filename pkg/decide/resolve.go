package decide

import (
	"fmt"
	"slices"

	"rampart.dev/pkg/home"
	"rampart.dev/pkg/policy"
)

// Flags are the settings a binary's command line gives: the command line
// that `rampart-hook setup` (or the user) wrote, which the agent cannot
// change. Only they can weaken enforcement.
type Flags struct {
	Config   string // --config: the user's policy file
	Profile  string // --profile: an embedded profile
	Managed  string // --managed-policy: the managed policy file (default ManagedPolicy)
	Mode     string // --mode: "enforce" (or "") or "monitor"
	FailOpen bool   // --fail-open
}

// The environment variables the decision point reads. No other variable
// changes a decision; in particular none turns on monitor mode or
// fail-open, or names the managed policy.
const (
	// EnvPolicy names a policy file added as a tier that can only tighten
	// (without --config; with it, it is ignored).
	EnvPolicy = "RAMPART_POLICY"
	// EnvProfile names an embedded profile that is added as a tier of its
	// own: it can only tighten (RAMPART_PROFILE=paranoid does;
	// RAMPART_PROFILE=yolo changes nothing).
	EnvProfile = "RAMPART_PROFILE"
	// EnvMode may only say "enforce", which overrides --mode monitor;
	// "monitor" is ignored, with a warning.
	EnvMode = "RAMPART_MODE"
	// EnvFailOpen is ignored, with a warning, when set: fail-open comes
	// from the command line only.
	EnvFailOpen = "RAMPART_FAIL_OPEN"
)

// Resolve turns a binary's flags and environment into the decision
// point's Config. The user's policy is, in order of precedence:
//
//  1. --config FILE
//  2. --profile NAME
//  3. ~/.rampart/policy.yaml (the Rampart home's), when it exists
//  4. the embedded standard profile
//
// The managed policy (ManagedPolicy, or --managed-policy) sits above it,
// and RAMPART_POLICY and RAMPART_PROFILE each add a tier that can only
// tighten: the environment is the agent's to set. Monitor mode and
// fail-open come from the flags alone. The warnings name environment
// settings that were ignored because they would have weakened
// enforcement; the error is a bad flag value.
func Resolve(f Flags, getenv func(string) string, userHome string) (Config, []string, error) {
	cfg := Config{
		PolicyPath:  f.Config,
		Profile:     f.Profile,
		ManagedPath: f.Managed,
		Home:        home.Resolve(getenv, userHome),
		UserHome:    userHome,
		FailOpen:    f.FailOpen,
	}
	var warns []string
	if env := getenv(EnvPolicy); env != "" {
		// The agent can set its own environment: a policy named there is
		// a tier that can only tighten, never the policy itself, whatever
		// the command line chose. Only --config replaces the user's policy.
		cfg.TightenFiles = append(cfg.TightenFiles, env)
	}
	if cfg.PolicyPath != "" {
		cfg.Profile = ""
	}
	if cfg.Profile != "" && !slices.Contains(policy.Profiles(), cfg.Profile) {
		return cfg, nil, fmt.Errorf("unknown profile %q (want one of %v)", cfg.Profile, policy.Profiles())
	}
	switch f.Mode {
	case "", "enforce":
	case "monitor":
		cfg.Monitor = true
	default:
		return cfg, nil, fmt.Errorf("--mode must be enforce or monitor, not %q", f.Mode)
	}
	switch m := getenv(EnvMode); m {
	case "", "enforce":
		if m == "enforce" && cfg.Monitor {
			cfg.Monitor = false
			warns = append(warns, EnvMode+"=enforce overrides --mode monitor")
		}
	default:
		warns = append(warns, fmt.Sprintf("%s=%s ignored: only the command line can turn enforcement off", EnvMode, m))
	}
	if v := getenv(EnvFailOpen); v != "" {
		warns = append(warns, fmt.Sprintf("%s=%s ignored: fail-open is set on the command line (--fail-open)", EnvFailOpen, v))
	}
	if name := getenv(EnvProfile); name != "" {
		if slices.Contains(policy.Profiles(), name) {
			cfg.Tighten = append(cfg.Tighten, name)
		} else {
			warns = append(warns, fmt.Sprintf("%s=%s ignored: no such profile", EnvProfile, name))
		}
	}
	return cfg, warns, nil
}
