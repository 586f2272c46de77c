package main

import (
	"rampart.dev/rampart-serve/internal/server"
)

// openPoint opens the decision point: the policy at path (required when the
// user named it), falling back to the embedded profile.
func openPoint(e *env, f serveFlags, path string, required bool) (server.Point, error) {
	return server.OpenPoint(server.PointConfig{
		PolicyPath: path,
		Required:   required,
		Profile:    f.profile,
		UserHome:   e.userHome,
		Via:        "serve",
	})
}
