//go:build profile

package main

import (
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
)

// With -tags profile, $RAMPART_SERVE_CPUPROFILE, $RAMPART_SERVE_MEMPROFILE
// and $RAMPART_SERVE_TRACE name files that get a CPU profile, an allocation
// profile and an execution trace of the whole run, written when the server
// stops. Release builds have none of this.
func init() {
	cpu, mem, tr := os.Getenv("RAMPART_SERVE_CPUPROFILE"), os.Getenv("RAMPART_SERVE_MEMPROFILE"), os.Getenv("RAMPART_SERVE_TRACE")
	if cpu != "" {
		if f, err := os.Create(cpu); err == nil && pprof.StartCPUProfile(f) == nil {
			atStop = append(atStop, func() { pprof.StopCPUProfile(); f.Close() })
		}
	}
	if tr != "" {
		if f, err := os.Create(tr); err == nil && trace.Start(f) == nil {
			atStop = append(atStop, func() { trace.Stop(); f.Close() })
		}
	}
	if mem != "" {
		runtime.MemProfileRate = 4096
		atStop = append(atStop, func() {
			if f, err := os.Create(mem); err == nil {
				pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		})
	}
}
