package table

import (
	"sync"
	"sync/atomic"
)

// Once is a value made by Build on first use, as sync.OnceValue's is, but
// laid out by the linker: declaring one runs no code. A package-level
//
//	var re = sync.OnceValue(func() *regexp.Regexp { ... })
//
// allocates the closure and its state in every process that links the
// package (two allocations each, some 200 values across pkg's packages);
//
//	var re = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp { ... }}
//
// allocates nothing until re.Get() is first called.
type Once[T any] struct {
	// Build makes the value; it is called once, by the first Get.
	Build func() T
	once  sync.Once
	v     T
	// p is what Build panicked with: every Get panics with it again, as
	// sync.OnceValue's function does.
	p any
	// done is set once v is: Get tests it inline.
	done atomic.Bool
}

// Get returns the value, making it on the first call. If Build panicked,
// Get panics with the same value.
func (o *Once[T]) Get() T {
	if !o.done.Load() {
		o.once.Do(o.build)
		if o.p != nil {
			panic(o.p)
		}
	}
	return o.v
}

// build calls Build, keeping what it panicked with.
func (o *Once[T]) build() {
	defer func() {
		if p := recover(); p != nil {
			o.p = p
		}
	}()
	o.v = o.Build()
	o.done.Store(true)
}
