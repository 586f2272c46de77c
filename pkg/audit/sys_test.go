package audit

import (
	"io"
	"os"
	"testing"
)

// Rotation renames the active file while a reader holds it open (with
// OpenRead) and a second Log holds it for appending: on Windows that works
// only because every such handle shares delete access. The reader keeps
// reading the renamed file, and the chain verifies across the files.
func TestRotateWhileHeld(t *testing.T) {
	l, path := newLog(t, 5, Options{MaxSize: 8 << 10})
	other, err := Open(path, Options{MaxSize: 8 << 10, Now: fixedClock()})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.Append(entry(5)); err != nil {
		t.Fatal(err)
	}
	r, err := OpenRead(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for i := 6; i < 120; i++ {
		w := l
		if i%2 == 1 {
			w = other
		}
		if _, err := w.Append(entry(i)); err != nil {
			t.Fatalf("append %d with the active file held: %v", i, err)
		}
	}
	res := mustVerify(t, path, VerifyOptions{})
	if res.Records != 120 || len(res.Files) < 2 {
		t.Fatalf("Verify = %d records in %q, want 120 in 2+ files", res.Records, res.Files)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(res.Files[0])
	if string(b) != string(first) {
		t.Errorf("the held file reads %d bytes, want the %d of %s, which it became", len(b), len(first), res.Files[0])
	}
}

// A file removed while open has no name left; truncate cuts it.
func TestFileState(t *testing.T) {
	path := t.TempDir() + "/f"
	f, err := openAppend(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if n, err := appendOnce(f, []byte("0123456789")); n != 10 || err != nil {
		t.Fatalf("appendOnce = %d, %v", n, err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil { // appends ignore the offset
		t.Fatal(err)
	}
	if n, err := appendOnce(f, []byte("abc")); n != 3 || err != nil {
		t.Fatalf("appendOnce = %d, %v", n, err)
	}
	if size, linked, err := fileState(f); size != 13 || !linked || err != nil {
		t.Errorf("fileState = %d, %v, %v; want 13, true", size, linked, err)
	}
	if err := truncate(f, 4); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "0123" {
		t.Errorf("after truncate: %q, want \"0123\"", b)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if _, linked, err := fileState(f); linked || err != nil {
		t.Errorf("fileState after remove: linked %v, %v; want false", linked, err)
	}
}
