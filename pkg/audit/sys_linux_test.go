//go:build linux && (amd64 || arm64)

package audit

import (
	"os"
	"testing"
)

// fileState agrees with fstat(2) on a file as it grows, shrinks and loses
// its name, with statx and with fstat itself (noStatx) too.
func TestFileStateAgreesWithFstat(t *testing.T) {
	for _, fallback := range []bool{false, true} {
		noStatx.Store(fallback)
		fileStateAgrees(t)
	}
	noStatx.Store(false)
}

func fileStateAgrees(t *testing.T) {
	path := t.TempDir() + "/f"
	f, err := openAppend(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	check := func(step string) {
		t.Helper()
		size, linked, err := fileState(f)
		st, serr := f.Stat()
		if err != nil || serr != nil || size != st.Size() {
			t.Fatalf("%s: fileState = %d, %v, %v; Stat = %d, %v", step, size, linked, err, st.Size(), serr)
		}
	}
	check("empty")
	appendOnce(f, make([]byte, 5000))
	check("grown")
	truncate(f, 77)
	check("cut")
	os.Remove(path)
	if _, linked, err := fileState(f); linked || err != nil {
		t.Errorf("fileState after remove: linked %v, %v; want false", linked, err)
	}
}
