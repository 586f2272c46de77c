package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"rampart.dev/pkg/approval"
	"rampart.dev/pkg/call"
	"rampart.dev/pkg/home"
	"rampart.dev/rampart-mcp/internal/proxy"
)

// serveApprover asks a running rampart-serve to hold a call for a human.
type serveApprover struct {
	layout home.Layout
	getenv func(string) string
	log    io.Writer
}

// Approve looks for rampart-serve (each time: it may have been started since
// the last call), files the approval and waits for it to be resolved.
func (a serveApprover) Approve(ctx context.Context, c call.Call, d call.Decision) (proxy.Approval, error) {
	cl, err := approval.Discover(ctx, a.layout, a.getenv)
	if err != nil {
		if errors.Is(err, approval.ErrNoServer) {
			return proxy.Approval{}, proxy.ErrNoApprover
		}
		return proxy.Approval{}, err
	}
	id, err := cl.Request(ctx, c, d)
	if err != nil {
		return proxy.Approval{}, fmt.Errorf("asking rampart-serve for approval: %w", err)
	}
	fmt.Fprintf(a.log, "rampart-mcp: %s/%s is waiting for approval %s: run `rampart approve %s` or `rampart deny %s`\n",
		c.Params.String("server"), c.Params.String("tool"), id, id, id)
	ok, reason, err := cl.Wait(ctx, id)
	if err != nil {
		return proxy.Approval{ID: id}, fmt.Errorf("waiting for approval %s: %w", id, err)
	}
	return proxy.Approval{Approved: ok, ID: id, Message: reason}, nil
}
