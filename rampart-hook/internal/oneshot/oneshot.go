// Package oneshot sets up the Go runtime for a process that makes one
// decision and exits: it runs Go code on one processor (GOMAXPROCS 1), it
// does not sample allocations for a heap profile nobody will read (the
// sampling records each sampled allocation's stack in tables of its own;
// `go test -memprofile` in package main needs -memprofilerate for that),
// and it grows the main goroutine's stack once, to what a decision needs.
//
// With one P for each of the machine's CPUs, the runtime starts threads to
// run the goroutines it creates at start-up, each with stacks of its own,
// and a goroutine that moves to another P allocates from that P's own set
// of memory spans: in a process that lives a few milliseconds, all of this
// is memory touched once, which on a virtual machine means page faults
// (about 40 of a decision's 400 when set here, 70 when GOMAXPROCS=1 is in
// the environment, before the runtime makes its Ps). One decision has nothing
// to run in parallel; goroutines still run concurrently, and a blocking
// system call still hands the P on.
//
// A goroutine starts with a 2 KiB stack and doubles it when it runs out,
// each time copying the stack and walking every frame on it through the
// function tables, which in a process that just started are not yet in
// memory. A Bash decision needs more than 16 KiB: the stack used to grow
// three times (during package initialisation and deep in the engine), 5% of
// the process's CPU time and about 35 page faults, and once more deep in the
// engine with a 16 KiB start (about 12 page faults and the walk of every
// frame then on the stack). growStack, called here while three frames are on
// the stack, grows it once, to 32 KiB; the pages a decision never reaches
// are never touched.
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
	growStack()
}
