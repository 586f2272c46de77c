package decide

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"unsafe"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/policy"
)

// A policy file is compiled once per version of its content: the
// compiled form is kept as a snapshot (see policy.Snapshot) in the Rampart
// home's policy cache, named by a hash of everything the compiled policy
// depends on — this binary (its build ID, which covers the compiler and the
// embedded profiles a file may extend), the file's path (it names the
// policy's origin) and the file's bytes. A changed file, or another
// binary, has another name, so a snapshot is never stale; one that is
// damaged fails its checksum and is compiled again and replaced. Without a
// build ID to key on, nothing is cached.
//
// The snapshot's name covers the binary that reads it, not the compiler
// that wrote it: with ExecCompiler that is another binary, which refuses
// to compile for a reader of another build (policy.Fingerprint differs),
// so a snapshot never carries embedded profiles other than the reader's.
//
// The files cached, in the user's own home, are those the user or the
// user's projects control: the user's policy, a project's layer and the
// files RAMPART_POLICY names. The managed policy is beyond the user's
// reach and is always compiled from its file.

// snapshotPolicy reads a policy file through the cache in dir, compiling
// it with c when its snapshot is missing; with dir "" it compiles the file
// as ReadPolicy does.
func snapshotPolicy(path, dir string, c Compiler) (*policy.Policy, error) {
	b, err := readPolicyFile(path)
	if err != nil {
		return nil, err
	}
	id := buildID.Get()
	if dir == "" || id == "" {
		return compileWith(c, path, b)
	}
	name := filepath.Join(dir, snapshotKey(id, path, b)+".snap")
	if snap, ok := readSnapshotFile(name); ok {
		// The snapshot's strings share snap, which is never written again.
		if p, err := policy.LoadSnapshot(unsafe.String(unsafe.SliceData(snap), len(snap))); err == nil {
			return p, nil
		}
	}
	p, err := compileWith(c, path, b)
	if err != nil {
		return nil, err
	}
	if snap, err := policy.Snapshot(p); err == nil {
		writeSnapshot(dir, name, snap)
	}
	return p, nil
}

// maxSnapshot bounds a snapshot file: a compiled policy is smaller than
// its source, which is at most policy.MaxFile.
const maxSnapshot = 2 * policy.MaxFile

// readSnapshotFile reads a snapshot if name is a regular file of a sane
// size. It opens without blocking, so that something else put in its
// place (a FIFO) cannot hold the process.
func readSnapshotFile(name string) ([]byte, bool) {
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > maxSnapshot {
		return nil, false
	}
	b := make([]byte, fi.Size())
	if _, err := io.ReadFull(f, b); err != nil {
		return nil, false
	}
	return b, true
}

// snapshotKey names the snapshot of a file: the hash of the binary's build
// ID, the path and the content, each with its length.
func snapshotKey(id, path string, content []byte) string {
	h := sha256.New()
	for _, part := range [][]byte{[]byte(id), []byte(path), content} {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(part)))
		h.Write(n[:])
		h.Write(part)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// writeSnapshot writes a snapshot under a temporary name and renames it
// into place, so a reader sees a whole file or none. Failing to write is
// not an error: the next process compiles the file again.
func writeSnapshot(dir, name string, snap []byte) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return
	}
	f, err := os.CreateTemp(dir, ".snap-*")
	if err != nil {
		return
	}
	_, werr := f.Write(snap)
	if cerr := f.Close(); werr != nil || cerr != nil {
		os.Remove(f.Name())
		return
	}
	if err := os.Rename(f.Name(), name); err != nil {
		os.Remove(f.Name())
		return
	}
	pruneSnapshots(dir, keepSnapshots)
}

// keepSnapshots is how many snapshots the cache keeps: an edited policy
// or a new binary leaves the old ones behind, several binaries of
// different builds may share a home, and each project with a policy file
// has its own.
const keepSnapshots = 32

// pruneSnapshots removes all but the keep most recently written snapshots
// in dir. It runs only after a snapshot was written, which is rare.
func pruneSnapshots(dir string, keep int) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	type snap struct {
		name string
		mod  int64
	}
	var snaps []snap
	for _, e := range ents {
		if !strings.HasSuffix(e.Name(), ".snap") {
			continue
		}
		if fi, err := e.Info(); err == nil {
			snaps = append(snaps, snap{e.Name(), fi.ModTime().UnixNano()})
		}
	}
	if len(snaps) <= keep {
		return
	}
	sort.Slice(snaps, func(i, j int) bool { return snaps[i].mod > snaps[j].mod })
	for _, s := range snaps[keep:] {
		os.Remove(filepath.Join(dir, s.name))
	}
}

// buildIDBytes bounds how much of the executable is read for its build ID,
// which the Go linker places at its start.
const buildIDBytes = 16 << 10

// buildID is the running executable's Go build ID, "" when it cannot be
// found.
var buildID = table.Once[string]{Build: func() string {
	exe := "/proc/self/exe"
	if runtime.GOOS != "linux" {
		var err error
		if exe, err = os.Executable(); err != nil {
			return ""
		}
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, buildIDBytes)
	n, _ := io.ReadFull(f, head)
	return findBuildID(head[:n])
}}

// findBuildID finds the Go build ID in the start of an executable: in an
// ELF note named "Go" of type 4, or in the text form the linker writes
// elsewhere ("\xff Go build ID: \"...\"").
func findBuildID(b []byte) string {
	// ELF: namesz 4, descsz, type 4, "Go\0\0", desc.
	for i := 0; ; {
		j := bytes.Index(b[i:], []byte("\x04\x00\x00\x00"))
		if j < 0 {
			break
		}
		k := i + j
		if k+16 <= len(b) && string(b[k+8:k+16]) == "\x04\x00\x00\x00Go\x00\x00" {
			size := int(binary.LittleEndian.Uint32(b[k+4:]))
			if size > 0 && size <= 200 && k+16+size <= len(b) {
				if id := string(bytes.TrimRight(b[k+16:k+16+size], "\x00")); validBuildID(id) {
					return id
				}
			}
		}
		i = k + 1
	}
	const marker = "\xff Go build ID: \""
	if i := bytes.Index(b, []byte(marker)); i >= 0 {
		rest := b[i+len(marker):]
		if j := bytes.IndexByte(rest, '"'); j > 0 && validBuildID(string(rest[:j])) {
			return string(rest[:j])
		}
	}
	return ""
}

// validBuildID reports whether s looks like a Go build ID: printable, with
// the slashes between its hashes.
func validBuildID(s string) bool {
	if len(s) < 16 || !bytes.Contains([]byte(s), []byte("/")) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] > '~' || s[i] == '"' {
			return false
		}
	}
	return true
}
