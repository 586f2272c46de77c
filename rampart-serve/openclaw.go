package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"rampart.dev/pkg/decide"
	"rampart.dev/rampart-serve/internal/openclaw"
	"rampart.dev/rampart-serve/internal/server"
)

// openclawFlags say which OpenClaw gateway to judge exec approvals for.
type openclawFlags struct {
	url, tokenFile, keyFile string
}

func (o *openclawFlags) register(fs *flag.FlagSet, e *env) {
	fs.StringVar(&o.url, "openclaw", "", "judge the exec approvals of the OpenClaw gateway at this ws:// `URL` (e.g. ws://127.0.0.1:18789)")
	fs.StringVar(&o.tokenFile, "openclaw-token-file", filepath.Join(e.layout.Dir, "openclaw.token"), "`file` (0600) holding the gateway's token; created from $OPENCLAW_GATEWAY_TOKEN on first use")
	fs.StringVar(&o.keyFile, "openclaw-device-key", filepath.Join(e.layout.Dir, "openclaw-device.pem"), "Ed25519 device key `file` (0600), created on first use")
}

// startOpenClaw connects to the gateway when -openclaw is set and judges
// its exec approvals until ctx ends; the returned stop waits for it.
func startOpenClaw(ctx context.Context, e *env, o openclawFlags, point *decide.Point, srv *server.Server) (stop func(), err error) {
	if o.url == "" {
		return func() {}, nil
	}
	if !strings.HasPrefix(o.url, "ws://") && !strings.HasPrefix(o.url, "wss://") {
		return nil, fmt.Errorf("-openclaw %q: want a ws:// or wss:// address", o.url)
	}
	if u, err := url.Parse(o.url); err != nil || u.Hostname() == "" {
		return nil, fmt.Errorf("-openclaw %q: not a URL with a host", o.url)
	} else if u.Scheme == "ws" && !loopbackHost(u.Hostname()) {
		fmt.Fprintf(e.stderr, "rampart-serve: warning: -openclaw %s is not loopback and not wss://; the gateway token travels in clear\n", o.url)
	}
	token, err := openclawToken(o.tokenFile, e.getenv("OPENCLAW_GATEWAY_TOKEN"))
	if err != nil {
		return nil, err
	}
	id, err := openclaw.LoadOrCreateIdentity(o.keyFile)
	if err != nil {
		return nil, fmt.Errorf("openclaw device key: %w", err)
	}
	cl, err := openclaw.New(openclaw.Config{
		URL: o.url, Token: token, Identity: id,
		Point: point, Approver: srv, Version: version(), Log: e.stderr,
	})
	if err != nil {
		return nil, err
	}
	cctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		cl.Run(cctx)
	}()
	fmt.Fprintf(e.stderr, "rampart-serve: judging the exec approvals of OpenClaw at %s (device %s)\n", o.url, id.ID())
	return func() { cancel(); <-done }, nil
}

// loopbackHost reports whether host names this machine's loopback.
func loopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// errNoOpenClawToken is a missing gateway token.
var errNoOpenClawToken = errors.New("no OpenClaw gateway token")

// openclawToken reads the token file, or creates it from fromEnv.
func openclawToken(path, fromEnv string) (string, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && strings.TrimSpace(fromEnv) != "" {
		if err := openclaw.WriteSecret(path, []byte(strings.TrimSpace(fromEnv)+"\n")); err != nil {
			return "", err
		}
		return strings.TrimSpace(fromEnv), nil
	}
	if errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("%w: %s does not exist", errNoOpenClawToken, path)
	}
	if err != nil {
		return "", err
	}
	if err := openclaw.CheckPrivate(path); err != nil {
		return "", err
	}
	t := strings.TrimSpace(string(b))
	if t == "" {
		return "", fmt.Errorf("%w: %s is empty", errNoOpenClawToken, path)
	}
	return t, nil
}
