package compile

import (
	"fmt"

	"rampart.dev/pkg/policy"
)

// SnapshotFor compiles the policy file src (named name) to its snapshot
// for a reader in another process whose policy.Fingerprint is fingerprint
// ("" for any). A reader of another build is refused: the snapshot would
// carry this build's embedded profiles, not the reader's. It is what
// `rampart-eval compile-policy` does for decide.ExecCompiler.
func SnapshotFor(name string, src []byte, fingerprint string) ([]byte, error) {
	if fingerprint != "" && fingerprint != policy.Fingerprint() {
		return nil, fmt.Errorf("%s: the policy compiler is from another build than the program that asked (policy fingerprint %s, asked for %s); install both from one release", name, policy.Fingerprint(), fingerprint)
	}
	p, err := Parse(name, src)
	if err != nil {
		return nil, err
	}
	snap, err := policy.Snapshot(p)
	if err != nil {
		// A test parameter the layout cannot carry: the reader decides
		// calls and never runs the file's inline tests (rampart-eval test
		// compiles the file itself).
		q := *p
		q.Tests = nil
		if snap, err = policy.Snapshot(&q); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	return snap, nil
}
