// Package gunzip reads gzip data (RFC 1952) as compress/gzip's Reader
// does, without linking hash/crc32.
//
// hash/crc32 builds its IEEE table when the package is initialised: some
// 20k instructions and a heap allocation in every process that links it,
// a decision or not. The engine links gzip only to read the rare run of a
// command line that is compressed text (H4sI…), so this package gives the
// same bytes, member after member, and stops where compress/gzip's Reader
// stops (a bad header, a checksum or size that does not match, data cut
// short), checking CRC-32 with a table made on first use.
//
// Only what a reader yields is the same, not its errors' values: a header
// that does not read is ErrHeader here for every cause, a checksum that
// does not match ErrChecksum, and data cut short io.ErrUnexpectedEOF or
// io.EOF as compress/gzip gives them.
package gunzip

import (
	"compress/flate"
	"encoding/binary"
	"errors"
	"io"

	"rampart.dev/pkg/internal/table"
)

// ErrHeader is returned for a gzip header that does not read.
var ErrHeader = errors.New("gunzip: invalid header")

// ErrChecksum is returned when a member's CRC-32 or size does not match
// its data.
var ErrChecksum = errors.New("gunzip: invalid checksum")

// The header's flags (RFC 1952, section 2.3.1).
const (
	flagHdrCrc  = 1 << 1
	flagExtra   = 1 << 2
	flagName    = 1 << 3
	flagComment = 1 << 4
)

// Reader reads the members of a gzip stream, one after another.
type Reader struct {
	r      flate.Reader
	inflat io.ReadCloser
	digest uint32 // CRC-32 of the member's data so far
	size   uint32 // its length so far, modulo 2^32
	buf    [512]byte
	err    error
}

// NewReader reads the first member's header from r and returns a reader
// of the data, as gzip.NewReader does. r is read byte by byte between the
// members: it is not buffered here.
func NewReader(r flate.Reader) (*Reader, error) {
	z := &Reader{r: r}
	if z.err = z.readHeader(); z.err != nil {
		return nil, z.err
	}
	return z, nil
}

// readHeader reads a member's header and sets the inflater up for its
// data. At the end of r it returns io.EOF: a stream is zero or more
// members.
func (z *Reader) readHeader() error {
	if _, err := io.ReadFull(z.r, z.buf[:10]); err != nil {
		return err
	}
	if z.buf[0] != 0x1f || z.buf[1] != 0x8b || z.buf[2] != 8 {
		return ErrHeader
	}
	flg := z.buf[3]
	digest := update(0, z.buf[:10])
	if flg&flagExtra != 0 {
		if _, err := io.ReadFull(z.r, z.buf[:2]); err != nil {
			return noEOF(err)
		}
		digest = update(digest, z.buf[:2])
		data := make([]byte, binary.LittleEndian.Uint16(z.buf[:2]))
		if _, err := io.ReadFull(z.r, data); err != nil {
			return noEOF(err)
		}
		digest = update(digest, data)
	}
	for _, f := range [2]byte{flagName, flagComment} {
		if flg&f == 0 {
			continue
		}
		var err error
		if digest, err = z.skipString(digest); err != nil {
			return noEOF(err)
		}
	}
	if flg&flagHdrCrc != 0 {
		if _, err := io.ReadFull(z.r, z.buf[:2]); err != nil {
			return noEOF(err)
		}
		if binary.LittleEndian.Uint16(z.buf[:2]) != uint16(digest) {
			return ErrHeader
		}
	}
	z.digest, z.size = 0, 0
	if z.inflat == nil {
		z.inflat = flate.NewReader(z.r)
	} else {
		z.inflat.(flate.Resetter).Reset(z.r, nil)
	}
	return nil
}

// skipString reads a header's NUL-terminated string (a name, a comment),
// of fewer than 512 bytes as compress/gzip reads it, and returns digest
// updated with it and its NUL.
func (z *Reader) skipString(digest uint32) (uint32, error) {
	for i := range len(z.buf) {
		c, err := z.r.ReadByte()
		if err != nil {
			return digest, err
		}
		z.buf[i] = c
		if c == 0 {
			return update(digest, z.buf[:i+1]), nil
		}
	}
	return digest, ErrHeader
}

// Read reads the data, as gzip.Reader's Read does: at the end of a
// member, its checksum and size are checked and the next member's header
// is read.
func (z *Reader) Read(p []byte) (n int, err error) {
	if z.err != nil {
		return 0, z.err
	}
	for n == 0 {
		n, z.err = z.inflat.Read(p)
		z.digest = update(z.digest, p[:n])
		z.size += uint32(n)
		if z.err != io.EOF {
			return n, z.err
		}
		if _, err := io.ReadFull(z.r, z.buf[:8]); err != nil {
			z.err = noEOF(err)
			return n, z.err
		}
		if binary.LittleEndian.Uint32(z.buf[:4]) != z.digest || binary.LittleEndian.Uint32(z.buf[4:8]) != z.size {
			z.err = ErrChecksum
			return n, z.err
		}
		if z.err = z.readHeader(); z.err != nil {
			return n, z.err
		}
	}
	return n, nil
}

// noEOF turns io.EOF into io.ErrUnexpectedEOF: data cut short inside a
// header or a trailer.
func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// crcTable is the table of CRC-32 with the IEEE polynomial (reversed,
// 0xedb88320), made on first use.
var crcTable = table.Once[*[256]uint32]{Build: func() *[256]uint32 {
	var t [256]uint32
	for i := range t {
		crc := uint32(i)
		for range 8 {
			if crc&1 == 1 {
				crc = crc>>1 ^ 0xedb88320
			} else {
				crc >>= 1
			}
		}
		t[i] = crc
	}
	return &t
}}

// update returns the CRC-32 (IEEE) crc updated with p, as
// crc32.Update(crc, crc32.IEEETable, p) does.
func update(crc uint32, p []byte) uint32 {
	if len(p) == 0 {
		return crc
	}
	t := crcTable.Get()
	crc = ^crc
	for _, c := range p {
		crc = t[byte(crc)^c] ^ crc>>8
	}
	return ^crc
}
