package decide

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	osexec "os/exec"
	"strings"
	"time"

	"rampart.dev/pkg/policy"
)

// CompileVerb is the rampart-eval verb ExecCompiler runs:
//
//	rampart-eval compile-policy -name PATH -fingerprint F < policy.yaml > policy.snap
//
// It compiles the source on its standard input, naming it PATH, and writes
// its snapshot (policy.Snapshot); it fails, writing nothing, when the
// source does not compile or F is not its own policy.Fingerprint.
const CompileVerb = "compile-policy"

// compileTimeout bounds one compilation in another process.
const compileTimeout = 30 * time.Second

// maxCompileError bounds the compiler's error text kept for the reason.
const maxCompileError = 4 << 10

// ExecCompiler returns a Compiler that runs the program at bin (a
// rampart-eval) with CompileVerb, for a process that does not link the
// YAML compiler. The source is passed on standard input, so the snapshot
// is of the very bytes read, whatever happens to the file meanwhile.
// A program that is missing, fails, or answers with anything but a valid
// snapshot is an error, and the policy file fails to load (closed).
func ExecCompiler(bin string) Compiler {
	return func(path string, src []byte) (*policy.Policy, error) {
		ctx, cancel := context.WithTimeout(context.Background(), compileTimeout)
		defer cancel()
		cmd := osexec.CommandContext(ctx, bin, CompileVerb, "-name", path, "-fingerprint", policy.Fingerprint())
		cmd.Stdin = bytes.NewReader(src)
		var out bytes.Buffer
		stderr := &limitedBuffer{max: maxCompileError}
		cmd.Stdout, cmd.Stderr = &out, stderr
		err := cmd.Run()
		var exit *osexec.ExitError
		switch {
		case errors.As(err, &exit) && stderr.Len() > 0:
			// The compiler's own reason, such as file:line:col: unknown key.
			return nil, errors.New(compilerReason(stderr.String()))
		case err != nil:
			return nil, fmt.Errorf("%s: the policy compiler %s could not run: %w", path, bin, err)
		}
		p, err := policy.LoadSnapshot(out.String())
		if err != nil {
			return nil, fmt.Errorf("%s: the policy compiler %s: %w", path, bin, err)
		}
		return p, nil
	}
}

// compilerReason is the last line of the compiler's error output without
// its program prefix.
func compilerReason(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	if _, rest, ok := strings.Cut(s, ": error: "); ok {
		s = rest
	}
	return s
}

// limitedBuffer keeps the first max bytes written to it and discards the
// rest.
type limitedBuffer struct {
	bytes.Buffer
	max int
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := b.max - b.Len(); room > 0 {
		b.Buffer.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}
