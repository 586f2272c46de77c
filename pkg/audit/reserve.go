package audit

// Space ahead of the active file. On ext4 an append that lands past the
// blocks the file already has makes the kernel reserve room for it first
// (delayed allocation), on every write(2): an append of one record cost
// two to three times a system call that does nothing (on the machine where
// rampart-mcp was measured, 10-16 µs against 5-7). Into space allocated
// ahead, with fallocate(2) keeping the file's size, the same append costs
// about one such call. So the active file is given reserveChunk bytes ahead
// of its end whenever an append would pass what was reserved: one
// fallocate per reserveChunk of records. The file's size, and so everything
// that reads it (Verify, followers, crash recovery), is unchanged: only
// blocks past its end are allocated, which rotation gives back (the
// rotated file is cut to its size) and a writer that closes leaves to the
// next. Where the system or file system cannot reserve, nothing changes.

// reserveChunk is how far ahead of its end the active file is reserved.
const reserveChunk = 1 << 20

// reserveFor reserves space in the active file, size bytes long, for an
// append that takes it to end bytes, if what was reserved falls short.
// Failure is only remembered: the append goes on without.
func (l *Log) reserveFor(size, end int64) {
	if l.noReserve || end <= l.reserved {
		return
	}
	want := end + reserveChunk
	if l.maxSize > 0 && want > l.maxSize {
		want = l.maxSize
	}
	if want <= end {
		return
	}
	switch reserve(l.f, size, want) {
	case reserveDone:
		l.reserved = want
	case reserveUnsupported:
		l.noReserve = true
	default:
		// Out of space or refused this once: try again a chunk later
		// rather than on every append.
		l.reserved = want
	}
}

// Outcomes of reserve.
const (
	reserveDone        = iota // the space up to the offset is allocated
	reserveFailed             // not this time (no space, say)
	reserveUnsupported        // never on this file
)
