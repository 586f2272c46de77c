package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"syscall"
	"time"

	"rampart.dev/rampart-mcp/internal/proxy"
	"rampart.dev/rampart-mcp/internal/rawio"
)

// drainWait bounds how long the proxy reads the server's stdout after the
// server exited: a child of the server may hold the pipe open forever.
const drainWait = 2 * time.Second

// serve starts the server, relays both streams through the proxy and
// returns the server's exit status once it has exited.
func serve(ctx context.Context, cfg proxy.Config, argv []string, grace time.Duration, sigs <-chan os.Signal, stdin io.Reader, stdout, stderr io.Writer) int {
	// Plain pipes rather than cmd.StdinPipe/StdoutPipe: Wait must not close
	// the reading end while the proxy still drains what the server wrote.
	inR, inW, err := os.Pipe()
	if err != nil {
		fmt.Fprintf(stderr, "rampart-mcp: error: %v\n", err)
		return exitUsage
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		fmt.Fprintf(stderr, "rampart-mcp: error: %v\n", err)
		return exitUsage
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = inR, outW, stderr
	signalable(cmd)
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(stderr, "rampart-mcp: error: starting the server: %v\n", err)
		if errors.Is(err, exec.ErrNotFound) || errors.Is(err, os.ErrNotExist) {
			return exitNotFound
		}
		return exitCantExec
	}
	inR.Close()
	outW.Close()

	// The server's pipes, like the client's streams (see main), are read
	// and written raw: no message wakes the runtime's monitor thread.
	p := proxy.New(cfg, stdout, rawio.Writer(inW))
	clientDone := make(chan struct{})
	go func() {
		if err := p.FromClient(stdin); err != nil {
			fmt.Fprintf(stderr, "rampart-mcp: error: reading from the client: %v\n", err)
		}
		inW.Close() // the server sees the client's end of input
		close(clientDone)
	}()
	serverDone := make(chan struct{})
	go func() {
		if err := p.FromServer(rawio.Reader(outR)); err != nil {
			fmt.Fprintf(stderr, "rampart-mcp: error: reading from the server: %v\n", err)
		}
		close(serverDone)
	}()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	var term, kill <-chan time.Time
	var waitErr error
loop:
	for {
		select {
		case s := <-sigs:
			signalServer(cmd.Process, s)
		case <-clientDone:
			clientDone = nil
			term = time.After(grace)
		case <-term:
			term = nil
			signalServer(cmd.Process, syscall.SIGTERM)
			kill = time.After(grace)
		case <-kill:
			kill = nil
			cmd.Process.Kill()
		case <-ctx.Done():
			cmd.Process.Kill()
		case waitErr = <-exited:
			break loop
		}
	}
	select {
	case <-serverDone:
	case <-time.After(drainWait):
	}
	code := exitCode(cmd.ProcessState)
	reason := fmt.Sprintf("rampart-mcp: the server exited (%s) before answering", describe(cmd.ProcessState, waitErr))
	p.Abort(reason)
	p.Wait()
	return code
}

// exitCode is the server's status, or 128+N when a signal killed it (as sh(1)).
func exitCode(ps *os.ProcessState) int {
	if ps == nil {
		return exitCantExec
	}
	if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return 128 + int(ws.Signal())
	}
	return ps.ExitCode()
}

func describe(ps *os.ProcessState, err error) string {
	if ps == nil {
		return err.Error()
	}
	if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return "killed by " + ws.Signal().String()
	}
	return fmt.Sprintf("status %d", ps.ExitCode())
}
