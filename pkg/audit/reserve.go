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

// The space an earlier writer reserved. A process that appends one record
// and exits (rampart-hook) knew nothing of what the processes before it
// reserved, and asked for another chunk ahead of every record: an
// fallocate(2) over space already allocated is still a journalled call
// into the file system, four times a write. So before its first
// reservation a Log reads how much of the active file is allocated
// (reservedEnd: the file's blocks, which on Linux count space reserved
// past its end) and takes all but reserveSlack of it as reserved. The
// slack covers blocks a file system counts that hold no data (ext4's
// extent blocks): an estimate too high by more only makes the appends
// past it cost what they cost without a reservation, never changes
// what is written. Where the blocks cannot be read, or do not count
// reservations, the estimate is the file's size or less, and a chunk is
// reserved as before.
const reserveSlack = 64 << 10

// reserveFor reserves space in the active file, size bytes long, for an
// append that takes it to end bytes, if what was reserved falls short.
// Failure is only remembered: the append goes on without.
func (l *Log) reserveFor(size, end int64) {
	if l.noReserve || end <= l.reserved {
		return
	}
	if !l.sawReserved {
		l.sawReserved = true
		if r := reservedEnd(l.f) - reserveSlack; r > l.reserved {
			l.reserved = r
			if end <= r {
				return
			}
		}
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
