// Package oneshot sets up the Go runtime for a process that makes one
// decision and exits: it runs Go code on one processor (GOMAXPROCS 1), and
// it does not sample allocations for a heap profile nobody will read (the
// sampling records each sampled allocation's stack in tables of its own;
// `go test -memprofile` in package main needs -memprofilerate for that).
//
// With one P for each of the machine's CPUs, the runtime starts threads to
// run the goroutines it creates at start-up, each with stacks of its own,
// and a goroutine that moves to another P allocates from that P's own set
// of memory spans: in a process that lives a few milliseconds, all of this
// is memory touched once, which on a virtual machine means page faults
// (about 70 of a decision's 400, and their time). One decision has nothing
// to run in parallel; goroutines still run concurrently, and a blocking
// system call still hands the P on.
//
// The package imports nothing but runtime, so that it is initialised
// before every package that allocates at initialisation (package
// initialisation order follows import paths, and a package with no other
// imports is ready first); package main imports it for that effect, and
// sets GOMAXPROCS back when the environment asks for a value.
package oneshot

import "runtime"

func init() {
	runtime.MemProfileRate = 0
	runtime.GOMAXPROCS(1)
}
