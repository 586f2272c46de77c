package audit

import (
	"encoding/binary"
	"errors"
	"io"
	"time"
)

// idSource makes record IDs: ULIDs (ulid.github.io), a 48-bit millisecond
// time and 80 random bits in Crockford base32, 26 characters that sort in
// time order. Within one millisecond the random part grows by a random step
// from the previous ID's, so that IDs from one writer also sort in the order
// they were made (the ULID spec's monotonic mode). It is written out here
// rather than taken from a ULID package, whose package initialisation seeds
// a math/rand generator on every process start, the hook's included.
type idSource struct {
	rand io.Reader
	ms   uint64 // time of the last ID, 0 before the first
	hi   uint16 // its random part: the top 16 bits
	lo   uint64 // and the low 64
	// pool holds random bits read ahead from rand, pool[used:] not yet
	// taken: one read of the system's generator serves about 25 IDs (a
	// system call per record was a tenth of a busy server's audit time),
	// and costs a one-record process nothing it did not already pay.
	pool [randPool]byte
	used int
	have int // pool[:have] was filled by the last read
}

// randPool is how many random bytes an idSource reads at once.
const randPool = 256

// errIDOverflow means that one millisecond's IDs used up the random part,
// which takes about 2^48 IDs in that millisecond.
var errIDOverflow = errors.New("id: random part overflows within one millisecond")

const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// random fills b with random bits from the pool, reading rand when the
// pool runs out. A short read from rand is kept as it is (the pool is
// refilled again when it runs out); only an error or a read of nothing
// fails.
func (s *idSource) random(b []byte) error {
	for n := 0; n < len(b); {
		if s.used == s.have {
			k, err := s.rand.Read(s.pool[:])
			if k <= 0 {
				if err == nil {
					err = io.ErrNoProgress
				}
				return err
			}
			s.used, s.have = 0, k
		}
		c := copy(b[n:], s.pool[s.used:s.have])
		s.used += c
		n += c
	}
	return nil
}

// next returns the ID for time t (t at or after the last call's, which a
// caller holding the log's lock ensures by taking the time under it).
func (s *idSource) next(t time.Time) (string, error) {
	ms := uint64(t.UnixMilli())
	var b [10]byte
	if ms == s.ms && s.ms != 0 {
		if err := s.random(b[:4]); err != nil {
			return "", err
		}
		step := uint64(binary.BigEndian.Uint32(b[:4])) + 1
		lo := s.lo + step
		hi := s.hi
		if lo < s.lo {
			if hi == 0xffff {
				return "", errIDOverflow
			}
			hi++
		}
		s.hi, s.lo = hi, lo
	} else {
		if err := s.random(b[:]); err != nil {
			return "", err
		}
		s.ms = ms
		s.hi, s.lo = binary.BigEndian.Uint16(b[:2]), binary.BigEndian.Uint64(b[2:])
	}
	var id [16]byte
	id[0], id[1], id[2], id[3], id[4], id[5] = byte(ms>>40), byte(ms>>32), byte(ms>>24), byte(ms>>16), byte(ms>>8), byte(ms)
	binary.BigEndian.PutUint16(id[6:8], s.hi)
	binary.BigEndian.PutUint64(id[8:], s.lo)
	return encodeID(&id), nil
}

// encodeID writes 128 bits as 26 base32 digits, most significant first
// (the first digit holds only the top 3 bits).
func encodeID(id *[16]byte) string {
	hi := binary.BigEndian.Uint64(id[:8])
	lo := binary.BigEndian.Uint64(id[8:])
	var out [26]byte
	for i := 25; i >= 0; i-- {
		out[i] = crockford[lo&31]
		lo = lo>>5 | hi<<59
		hi >>= 5
	}
	return string(out[:])
}
