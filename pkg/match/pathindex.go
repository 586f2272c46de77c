package match

import (
	"encoding/binary"
	"strings"
	"sync"
	"sync/atomic"
)

// A path set's index can be made once, when a policy is compiled, and kept
// with it (a policy snapshot keeps one for each path condition): PathIndex
// lays out in one string where NewPathSet files each pattern of a set, and
// IndexedPathSet matches through that string as it is, so that a process
// that loads the policy neither expands the patterns' braces nor reads
// their tails again, builds no map, and compiles only the patterns a path
// is tried against. Both file patterns through fileSetPattern: the index
// of a set's sources is what NewPathSet would build from them.
//
// Layout (every number a little-endian uint32 unless said otherwise):
//
//	version byte, n (the number of patterns),
//	numPathBuckets section offsets, each keyed section's nameBit summary
//	  of its keys (uint64: a path whose key's bit is not set is not
//	  looked up, and reads no more than this header), then the sections.
//	A keyed section: nkeys, the table's size T (a power of two, or 0), T slots (an entry's number
//	  plus one, 0 when empty; open addressing from the key's fnv32 hash),
//	  nkeys+1 pairs (key offset, ids offset): key i is the bytes from its
//	  offset to the next key's, its patterns' numbers from its ids
//	  offset to the next one's; then the keys' bytes and the ids.
//	A list section: its count, then the patterns' numbers.

// pathIndexVersion is the layout's version, its first byte.
const pathIndexVersion = 1

const pathIndexHeader = 1 + 4 + 4*int(numPathBuckets) + 8*int(numKeyedBuckets)

// pathIndexBits is the offset in the header of the first keyed section's
// summary.
const pathIndexBits = 1 + 4 + 4*int(numPathBuckets)

// PathIndex returns the index of the path patterns srcs, known to compile
// (a source that does not is filed as one that matches nothing, as
// LazyPathSet does), for IndexedPathSet.
func PathIndex(srcs []string) string {
	type keyed struct {
		keys []string
		ids  map[string][]uint32
	}
	var byKey [numKeyedBuckets]keyed
	var lists [numPathBuckets][]uint32
	for i, src := range srcs {
		id := uint32(i)
		fileSetPattern(lazyPathPattern(src), func(b pathBucket, key string) {
			if b >= numKeyedBuckets {
				lists[b] = append(lists[b], id)
				return
			}
			k := &byKey[b]
			if k.ids == nil {
				k.ids = map[string][]uint32{}
			}
			if _, ok := k.ids[key]; !ok {
				k.keys = append(k.keys, key)
			}
			k.ids[key] = append(k.ids[key], id)
		})
	}
	b := make([]byte, pathIndexHeader)
	b[0] = pathIndexVersion
	binary.LittleEndian.PutUint32(b[1:], uint32(len(srcs)))
	for sec := range numPathBuckets {
		binary.LittleEndian.PutUint32(b[5+4*int(sec):], uint32(len(b)))
		if sec >= numKeyedBuckets {
			b = binary.LittleEndian.AppendUint32(b, uint32(len(lists[sec])))
			for _, id := range lists[sec] {
				b = binary.LittleEndian.AppendUint32(b, id)
			}
			continue
		}
		k := &byKey[sec]
		var bits uint64
		for _, key := range k.keys {
			bits |= nameBit(key)
		}
		size := 0
		if len(k.keys) > 0 {
			size = 4
			for size < 2*len(k.keys) {
				size *= 2
			}
		}
		slots := make([]uint32, size)
		for e, key := range k.keys {
			for j := fnv32(key) & uint32(size-1); ; j = (j + 1) & uint32(size-1) {
				if slots[j] == 0 {
					slots[j] = uint32(e + 1)
					break
				}
			}
		}
		binary.LittleEndian.PutUint64(b[pathIndexBits+8*int(sec):], bits)
		b = binary.LittleEndian.AppendUint32(b, uint32(len(k.keys)))
		b = binary.LittleEndian.AppendUint32(b, uint32(size))
		for _, v := range slots {
			b = binary.LittleEndian.AppendUint32(b, v)
		}
		entries := len(b)
		b = append(b, make([]byte, 8*(len(k.keys)+1))...)
		for e, key := range k.keys {
			binary.LittleEndian.PutUint32(b[entries+8*e:], uint32(len(b)))
			b = append(b, key...)
		}
		binary.LittleEndian.PutUint32(b[entries+8*len(k.keys):], uint32(len(b)))
		for e, key := range k.keys {
			binary.LittleEndian.PutUint32(b[entries+8*e+4:], uint32(len(b)))
			for _, id := range k.ids[key] {
				b = binary.LittleEndian.AppendUint32(b, id)
			}
		}
		binary.LittleEndian.PutUint32(b[entries+8*len(k.keys)+4:], uint32(len(b)))
	}
	return string(b)
}

// lazyPathPattern compiles src as LazyPathSet does: lazily, and as a
// pattern that matches nothing when it does not compile.
func lazyPathPattern(src string) PathPattern {
	pp, err := Compiler{Lazy: true}.Path(src)
	if err != nil {
		pp = PathPattern{src: src, g: &lazyGlob{g: matchNothing{}}}
	}
	return pp
}

// fnv32 is the 32-bit FNV-1a hash of s, the index's table hash (part of
// the layout: it must not change without its version).
func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

// IndexedPathSet is LazyPathSet(srcs) matched through index, made by
// PathIndex(srcs) (a policy snapshot built into the binary keeps it, and
// its test checks that it is PathIndex of the sources): each pattern is
// compiled when a path is first tried against it. An index that is not
// one for len(srcs) patterns is not used: the set is then LazyPathSet's.
func IndexedPathSet(srcs []string, index string) *PathSet {
	s := LazyPathSet(srcs)
	if len(index) < pathIndexHeader || index[0] != pathIndexVersion {
		return s
	}
	x := &indexedPaths{srcs: srcs, index: index}
	if x.u32(1) != len(srcs) {
		return s
	}
	s.ix = x
	return s
}

// Indexed reports whether s matches through an index made when its
// policy was compiled (IndexedPathSet), not one built in this process.
func (s *PathSet) Indexed() bool { return s != nil && s.ix != nil }

// indexedPaths is a set's sources, its index as PathIndex lays it out,
// and its patterns, each compiled on first use.
type indexedPaths struct {
	srcs  []string
	index string
	once  sync.Once
	pats  []atomic.Pointer[PathPattern]
	// read from the header on first use (init), so that a warm process
	// asking about path after path does not read it again
	bits  [numKeyedBuckets]uint64
	table [numKeyedBuckets]struct{ size, slots, entries int }
	lists [numPathBuckets]string // each list bucket's patterns' numbers
}

// init lays out the patterns and reads the header.
func (x *indexedPaths) init() {
	x.pats = make([]atomic.Pointer[PathPattern], len(x.srcs))
	for b := range numPathBuckets {
		off := x.section(b)
		if b >= numKeyedBuckets {
			x.lists[b] = x.list(b)
			continue
		}
		at := pathIndexBits + 8*int(b)
		x.bits[b] = uint64(x.u32(at)) | uint64(x.u32(at+4))<<32
		size := x.u32(off + 4)
		x.table[b].size, x.table[b].slots, x.table[b].entries = size, off+8, off+8+4*size
	}
}

// u32 reads the number at off.
func (x *indexedPaths) u32(off int) int {
	s := x.index[off : off+4]
	return int(uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24)
}

// section is the offset of bucket b's section.
func (x *indexedPaths) section(b pathBucket) int { return x.u32(5 + 4*int(b)) }

// list returns the numbers of the patterns in list bucket b, four bytes
// each.
func (x *indexedPaths) list(b pathBucket) string {
	off := x.section(b)
	return x.index[off+4 : off+4+4*x.u32(off)]
}

// keyed returns the numbers of the patterns filed under key in bucket b,
// four bytes each; bit is nameBit(key).
func (x *indexedPaths) keyed(b pathBucket, key string, bit uint64) string {
	if x.bits[b]&bit == 0 {
		return "" // (most lookups: inlined, no call)
	}
	return x.lookup(b, key)
}

// lookup is keyed past its summary's test.
func (x *indexedPaths) lookup(b pathBucket, key string) string {
	t := &x.table[b]
	size, slots, entries := t.size, t.slots, t.entries
	if size == 0 {
		return ""
	}
	for j := int(fnv32(key)) & (size - 1); ; j = (j + 1) & (size - 1) {
		e := x.u32(slots + 4*j)
		if e == 0 {
			return ""
		}
		at := entries + 8*(e-1)
		if k := x.index[x.u32(at):x.u32(at+8)]; k == key {
			return x.index[x.u32(at+4):x.u32(at+12)] // to the next entry's (or the last one's end)
		}
	}
}

// pattern returns pattern i, compiled on its first use (by one
// goroutine or, at once, by several: the first kept).
func (x *indexedPaths) pattern(i int) *PathPattern {
	if pp := x.pats[i].Load(); pp != nil {
		return pp
	}
	pp := lazyPathPattern(x.srcs[i])
	if x.pats[i].CompareAndSwap(nil, &pp) {
		return &pp
	}
	return x.pats[i].Load()
}

// any reports whether a pattern of ids matches.
func (x *indexedPaths) any(ids string, p, home, cwd string) bool {
	return ids != "" && x.anyOf(ids, p, home, cwd) // (most lists are empty: inlined, no call)
}

// anyOf is any of ids that are not empty.
func (x *indexedPaths) anyOf(ids string, p, home, cwd string) bool {
	for ; len(ids) >= 4; ids = ids[4:] {
		i := int(uint32(ids[0]) | uint32(ids[1])<<8 | uint32(ids[2])<<16 | uint32(ids[3])<<24)
		if x.pattern(i).Match(p, home, cwd) {
			return true
		}
	}
	return false
}

// matchQuery is MatchQuery through the index: the patterns tried for q
// are those PathSet.MatchQuery tries on the set NewPathSet builds.
func (x *indexedPaths) matchQuery(q *PathQuery) bool {
	x.once.Do(x.init)
	p, home, cwd := q.p, q.home, q.cwd
	if q.inHome {
		seg := q.homeSeg
		if x.any(x.keyed(bucketHome, seg, q.homeBit), p, home, cwd) || x.any(x.lists[bucketHomeOther], p, home, cwd) ||
			strings.HasPrefix(seg, ".") && x.any(x.lists[bucketHomeDot], p, home, cwd) {
			return true
		}
	}
	if other := q.other; other != "" {
		seg := q.otherSeg
		if x.any(x.keyed(bucketHome, seg, q.otherBit), p, other, cwd) || x.any(x.lists[bucketHomeOther], p, other, cwd) ||
			strings.HasPrefix(seg, ".") && x.any(x.lists[bucketHomeDot], p, other, cwd) {
			return true
		}
	}
	if x.any(x.keyed(bucketAbs, q.absSeg, q.absBit), p, home, cwd) || x.any(x.lists[bucketAbsOther], p, home, cwd) {
		return true
	}
	if x.bits[bucketDeep]&q.segBits != 0 {
		for rest := p; rest != ""; {
			var seg string
			seg, rest = nextSegment(rest)
			if x.any(x.keyed(bucketDeep, seg, nameBit(seg)), p, home, cwd) {
				return true
			}
		}
	}
	if x.any(x.keyed(bucketBase, q.base, q.baseBit), p, home, cwd) {
		return true
	}
	if q.hasExt && x.any(x.keyed(bucketExt, q.ext, q.extBit), p, home, cwd) {
		return true
	}
	if len(q.base) >= stemLen && x.any(x.keyed(bucketStem, q.base[:stemLen], q.stemBit), p, home, cwd) {
		return true
	}
	return x.any(x.lists[bucketBaseOther], p, home, cwd) || x.any(x.lists[bucketCwd], p, home, cwd)
}

// PathIndexFits reports whether index follows PathIndex's layout for n
// patterns: every offset within it, every table with an empty slot, every
// pattern number below n. (Whether it files each pattern where
// PathIndex would is not checked: a snapshot read from a file has its path
// sets built from their sources.)
func PathIndexFits(index string, n int) bool {
	if len(index) < pathIndexHeader || index[0] != pathIndexVersion {
		return false
	}
	x := &indexedPaths{index: index}
	if x.u32(1) != n {
		return false
	}
	in := func(off, size int) bool { return off >= 0 && size >= 0 && off <= len(index) && size <= len(index)-off }
	idsFit := func(ids string) bool {
		for ; len(ids) >= 4; ids = ids[4:] {
			if int(uint32(ids[0])|uint32(ids[1])<<8|uint32(ids[2])<<16|uint32(ids[3])<<24) >= n {
				return false
			}
		}
		return len(ids) == 0
	}
	for b := range numPathBuckets {
		off := x.section(b)
		if b >= numKeyedBuckets {
			if !in(off, 4) || !in(off+4, 4*x.u32(off)) || !idsFit(x.list(b)) {
				return false
			}
			continue
		}
		if !in(off, 8) {
			return false
		}
		nkeys, size := x.u32(off), x.u32(off+4)
		if size&(size-1) != 0 || size <= nkeys && size > 0 || size == 0 && nkeys > 0 ||
			!in(off+8, 4*size) || !in(off+8+4*size, 8*(nkeys+1)) {
			return false
		}
		for j := range size {
			if x.u32(off+8+4*j) > nkeys {
				return false
			}
		}
		entries := off + 8 + 4*size
		for e := range nkeys {
			at := entries + 8*e
			k0, k1, i0, i1 := x.u32(at), x.u32(at+8), x.u32(at+4), x.u32(at+12)
			if k0 > k1 || i0 > i1 || !in(k0, k1-k0) || !in(i0, i1-i0) || !idsFit(index[i0:i1]) {
				return false
			}
		}
	}
	return true
}
