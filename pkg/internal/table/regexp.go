package table

import "regexp"

// Regexp is a regular expression compiled on its first use: declaring one
//
//	var re = table.Regexp{Expr: `^[a-z]+$`}
//
// runs no code and allocates nothing (sync.OnceValue's closure and state
// are two allocations at initialisation in every process that links the
// package), and re.Get() compiles Expr once, safely from any number of
// goroutines. An expression that does not compile panics at each Get, as
// regexp.MustCompile does.
type Regexp struct {
	// Expr is the expression, in regexp's syntax.
	Expr string
	o    Once[*regexp.Regexp]
}

// Get returns the compiled expression, compiling it on the first call.
func (r *Regexp) Get() *regexp.Regexp {
	if !r.o.done.Load() {
		r.o.once.Do(r.compile)
		if r.o.p != nil {
			panic(r.o.p)
		}
	}
	return r.o.v
}

// compile compiles Expr, keeping what MustCompile panicked with.
func (r *Regexp) compile() {
	defer func() {
		if p := recover(); p != nil {
			r.o.p = p
		}
	}()
	r.o.v = regexp.MustCompile(r.Expr)
	r.o.done.Store(true)
}
