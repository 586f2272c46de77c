package match

import "math/bits"

// A union of path sets' indexes.
//
// A policy's rules each hold a path set, and a path asked about is
// matched against them one by one: each set looks the path up in its own
// index, and most find nothing there. A PathUnion lays the keys of up to
// 64 indexed sets side by side, each with the sets filed under it, so
// that one lookup of the path in the union names the sets that could
// match it (Candidates): those whose own lookup would try a pattern.
// The union is read from the sets' indexes (IndexedPathSet); it compiles
// no pattern.

// maxUnionSets is how many sets a union holds: one bit each.
const maxUnionSets = 64

// PathUnion is the keys of a list of indexed path sets, with the sets
// filed under each.
type PathUnion struct {
	known uint64 // the sets the union holds (indexed ones); the others are always candidates
	keyed [numKeyedBuckets]map[string]uint64
	bits  [numKeyedBuckets]uint64 // each keyed bucket's nameBit summary of its keys
	lists [numPathBuckets]uint64  // the sets with patterns in each list bucket
}

// NewPathUnion returns the union of sets, by position: set j is bit j of
// what Candidates returns. A set that is nil, empty, not matched through
// an index made when its policy was compiled, or past the 64th is not
// held, and is always a candidate.
func NewPathUnion(sets []*PathSet) *PathUnion {
	u := &PathUnion{}
	held := func(j int, s *PathSet) bool { return j < maxUnionSets && s != nil && s.ix != nil && s.n > 0 }
	var sizes [numKeyedBuckets]int // the keys of each bucket, at most: its map's size
	for j, s := range sets {
		if held(j, s) {
			for b := range numKeyedBuckets {
				sizes[b] += s.ix.u32(s.ix.section(b))
			}
		}
	}
	for b, n := range sizes {
		if n > 0 {
			u.keyed[b] = make(map[string]uint64, n)
		}
	}
	for j, s := range sets {
		if !held(j, s) {
			continue
		}
		x := s.ix
		u.known |= 1 << j
		for b := range numPathBuckets {
			off := x.section(b)
			if b >= numKeyedBuckets {
				if x.u32(off) > 0 {
					u.lists[b] |= 1 << j
				}
				continue
			}
			nkeys, size := x.u32(off), x.u32(off+4)
			entries := off + 8 + 4*size
			for e := range nkeys {
				at := entries + 8*e
				key := x.index[x.u32(at):x.u32(at+8)]
				u.keyed[b][key] |= 1 << j
				u.bits[b] |= nameBit(key)
			}
		}
	}
	return u
}

// keyedSets returns the sets filed under key in keyed bucket b; bit is
// nameBit(key).
func (u *PathUnion) keyedSets(b pathBucket, key string, bit uint64) uint64 {
	if u.bits[b]&bit == 0 {
		return 0
	}
	return u.keyed[b][key]
}

// Candidates returns the sets that could match the path q, as bits by
// the sets' positions: every set whose MatchQuery tries a pattern for q
// (it looks q up where indexedPaths.matchQuery does), and every set the
// union does not hold. A set whose bit is clear does not match q.
func (u *PathUnion) Candidates(q *PathQuery) uint64 {
	c := ^u.known
	if q.inHome {
		c |= u.keyedSets(bucketHome, q.homeSeg, q.homeBit) | u.lists[bucketHomeOther]
		if len(q.homeSeg) > 0 && q.homeSeg[0] == '.' {
			c |= u.lists[bucketHomeDot]
		}
	}
	if q.other != "" {
		c |= u.keyedSets(bucketHome, q.otherSeg, q.otherBit) | u.lists[bucketHomeOther]
		if len(q.otherSeg) > 0 && q.otherSeg[0] == '.' {
			c |= u.lists[bucketHomeDot]
		}
	}
	c |= u.keyedSets(bucketAbs, q.absSeg, q.absBit) | u.lists[bucketAbsOther]
	if u.bits[bucketDeep]&q.segBits != 0 {
		for rest := q.p; rest != ""; {
			var seg string
			seg, rest = nextSegment(rest)
			c |= u.keyedSets(bucketDeep, seg, nameBit(seg))
		}
	}
	c |= u.keyedSets(bucketBase, q.base, q.baseBit)
	if q.hasExt {
		c |= u.keyedSets(bucketExt, q.ext, q.extBit)
	}
	if len(q.base) >= stemLen {
		c |= u.keyedSets(bucketStem, q.base[:stemLen], q.stemBit)
	}
	return c | u.lists[bucketBaseOther] | u.lists[bucketCwd]
}

// Held returns how many sets the union holds.
func (u *PathUnion) Held() int { return bits.OnesCount64(u.known) }
