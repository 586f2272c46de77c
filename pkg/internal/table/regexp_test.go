package table

import (
	"sync"
	"testing"
)

// A Regexp compiles its expression once, whatever the goroutines asking,
// and each Get of a bad expression panics as MustCompile does.
func TestRegexp(t *testing.T) {
	re := Regexp{Expr: `^a+b$`}
	var wg sync.WaitGroup
	got := make(chan bool, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got <- re.Get().MatchString("aaab")
		}()
	}
	wg.Wait()
	close(got)
	for ok := range got {
		if !ok {
			t.Fatal("^a+b$ did not match aaab")
		}
	}
	if re.Get() != re.Get() {
		t.Fatal("Get compiled the expression again")
	}
	bad := Regexp{Expr: `(`}
	for range 2 {
		func() {
			defer func() {
				if recover() == nil {
					t.Fatal("Get of a bad expression did not panic")
				}
			}()
			bad.Get()
		}()
	}
}
