// Command hop is the floor scripts/bench-mcp.sh holds rampart-mcp against:
// one extra process between an MCP client and its server that copies bytes
// both ways and does nothing else.
//
//	hop SERVER [ARGS...]
//
// It runs the server with pipes for stdin and stdout (stderr is shared),
// copies its own stdin to the server's and the server's stdout to its own,
// and exits with the server's status once the server has exited.
package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"

	"rampart.dev/rampart-mcp/internal/rawio"
	"rampart.dev/rampart-mcp/internal/stdio"
)

func main() {
	// One thread at a time, as rampart-mcp runs: the cheapest hop a Go
	// relay makes (see oneProc in rampart-mcp's main.go).
	if os.Getenv("GOMAXPROCS") == "" {
		runtime.GOMAXPROCS(1)
	}
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: hop SERVER [ARGS...]")
		os.Exit(2)
	}
	cmd := exec.Command(os.Args[1], os.Args[2:]...)
	cmd.Stderr = os.Stderr
	// Plain pipes, as rampart-mcp makes them (child.go).
	inR, in, err := os.Pipe()
	if err != nil {
		fmt.Fprintln(os.Stderr, "hop:", err)
		os.Exit(1)
	}
	out, outW, err := os.Pipe()
	if err != nil {
		fmt.Fprintln(os.Stderr, "hop:", err)
		os.Exit(1)
	}
	cmd.Stdin, cmd.Stdout = inR, outW
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "hop:", err)
		os.Exit(127)
	}
	inR.Close()
	outW.Close()
	// Standard input and output through the poller, and every stream read
	// and written raw (package rawio), as rampart-mcp does.
	std := stdio.Open()
	go func() {
		io.Copy(rawio.Writer(in), rawio.Reader(std.In))
		in.Close()
	}()
	io.Copy(rawio.Writer(std.Out), rawio.Reader(out))
	cmd.Wait()
	std.Close()
	os.Exit(cmd.ProcessState.ExitCode())
}
