package table

import (
	"sync"
	"testing"
)

// TestOnce checks that a Once builds its value once, from any number of
// goroutines, and gives it to every Get.
func TestOnce(t *testing.T) {
	calls := 0
	o := Once[[]string]{Build: func() []string { calls++; return []string{"a", "b"} }}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if v := o.Get(); len(v) != 2 || v[0] != "a" {
				t.Errorf("Get() = %q", v)
			}
		}()
	}
	wg.Wait()
	if calls != 1 {
		t.Errorf("Build called %d times, want 1", calls)
	}
}

// TestOncePanics checks that a Build that panics makes every Get panic
// with its value, as sync.OnceValue's function does, instead of giving a
// zero value to the calls after the first.
func TestOncePanics(t *testing.T) {
	calls := 0
	o := Once[int]{Build: func() int { calls++; panic("bad pattern") }}
	for i := range 2 {
		func() {
			defer func() {
				if p := recover(); p != "bad pattern" {
					t.Errorf("Get %d: recovered %v, want the panic of Build", i, p)
				}
			}()
			o.Get()
		}()
	}
	if calls != 1 {
		t.Errorf("Build called %d times, want 1", calls)
	}
}

// BenchmarkOnceGet is a Get of a value already made.
func BenchmarkOnceGet(b *testing.B) {
	o := Once[int]{Build: func() int { return 1 }}
	n := 0
	for b.Loop() {
		n += o.Get()
	}
	if n == 0 {
		b.Fatal("no value")
	}
}
