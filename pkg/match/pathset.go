package match

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// PathSet is a list of path patterns indexed so that a path is only tried
// against the patterns that can match it: home patterns by their first
// segment below home, absolute patterns by their first segment, base-name
// patterns by literal name or by extension ("*.pem"), and patterns that
// start "**/" by the literal segment after it ("**/.git/hooks": a path
// can match only if one of its segments is ".git").
type PathSet struct {
	n         int
	homeBy    patternIndex
	homeOther []PathPattern
	// homeDot are home patterns whose first element is a pattern that
	// starts with a literal dot ("~/.**/auth.json", "~/.*rc"): they can
	// match only below a hidden entry of the home directory, and are not
	// tried for the project and other visible directories under it.
	homeDot   []PathPattern
	absBy     patternIndex
	absOther  []PathPattern
	deepBy    patternIndex // "**/SEG…" by SEG
	baseBy    patternIndex
	extBy     patternIndex
	stemBy    patternIndex // by the first two bytes every base name it matches starts with (fileByStem)
	baseOther []PathPattern
	cwd       []PathPattern
	all       []PathPattern
	fold      folded
	lazy      *lazyPaths
	ix        *indexedPaths // a lazy set's index from a snapshot (IndexedPathSet)
}

// lazyPaths is a lazy set's sources and the index built from them on
// first use.
type lazyPaths struct {
	srcs []string
	once sync.Once
	set  *PathSet
}

// LazyPathSet is a set of patterns known to compile (from a policy
// snapshot or an embedded profile), indexed on first use and each glob
// compiled on its first match. A source that does not compile matches
// nothing.
func LazyPathSet(srcs []string) *PathSet {
	return &PathSet{n: len(srcs), lazy: &lazyPaths{srcs: srcs}}
}

// built returns the set to match with: s itself, or a lazy set's index.
func (s *PathSet) built() *PathSet {
	if s.lazy == nil {
		return s
	}
	l := s.lazy
	l.once.Do(func() {
		ps := make([]PathPattern, 0, len(l.srcs))
		for _, src := range l.srcs {
			pp, err := Compiler{Lazy: true}.Path(src)
			if err != nil {
				pp = PathPattern{src: src, g: &lazyGlob{g: matchNothing{}}}
			}
			ps = append(ps, pp)
		}
		l.set = NewPathSet(ps)
	})
	return l.set
}

// Sources returns the patterns as written, in order.
func (s *PathSet) Sources() []string {
	if s == nil {
		return nil
	}
	if s.lazy != nil {
		return s.lazy.srcs
	}
	out := make([]string, len(s.all))
	for i, p := range s.all {
		out[i] = p.src
	}
	return out
}

// NewPathSet indexes ps.
func NewPathSet(ps []PathPattern) *PathSet {
	s := &PathSet{n: len(ps), all: ps}
	for _, p := range ps {
		fileSetPattern(p, func(b pathBucket, key string) {
			switch b {
			case bucketHome:
				s.homeBy.add(key, p)
			case bucketAbs:
				s.absBy.add(key, p)
			case bucketDeep:
				s.deepBy.add(key, p)
			case bucketBase:
				s.baseBy.add(key, p)
			case bucketExt:
				s.extBy.add(key, p)
			case bucketStem:
				s.stemBy.add(key, p)
			case bucketHomeOther:
				s.homeOther = append(s.homeOther, p)
			case bucketHomeDot:
				s.homeDot = append(s.homeDot, p)
			case bucketAbsOther:
				s.absOther = append(s.absOther, p)
			case bucketBaseOther:
				s.baseOther = append(s.baseOther, p)
			case bucketCwd:
				s.cwd = append(s.cwd, p)
			}
		})
	}
	return s
}

// pathBucket is where a set files a pattern: one of the indexes, under
// a key (the first six), or one of the lists tried for every path of
// their kind.
type pathBucket uint8

const (
	bucketHome      pathBucket = iota // home patterns by their first segment below home
	bucketAbs                         // absolute patterns by their first segment
	bucketDeep                        // "**/SEG…" by SEG
	bucketBase                        // by the base name every path it matches has
	bucketExt                         // by the extension every path it matches has
	bucketStem                        // by how the base names it matches start
	bucketHomeOther                   // home patterns tried for every path in a home
	bucketHomeDot                     // home patterns tried below a hidden entry of a home
	bucketAbsOther                    // tried for every path
	bucketBaseOther                   // base-name patterns tried for every path
	bucketCwd                         // patterns relative to the call's working directory
	numPathBuckets

	numKeyedBuckets = bucketHomeOther
)

// fileSetPattern says where a set files p: add is called once for each
// key of an index it goes under, or once with a list's bucket and no key.
// NewPathSet and PathIndex file patterns through it, so that a set laid
// out from a snapshot's index tries each path against the patterns the
// same set built from its sources would.
func fileSetPattern(p PathPattern, add func(b pathBucket, key string)) {
	switch {
	case p.cwd:
		add(bucketCwd, "")
	case p.home:
		if seg, ok := literalFirstSegment(p.rest); ok {
			add(bucketHome, seg)
		} else if segs, ok := braceFirstSegments(p.rest); ok {
			for _, seg := range segs {
				add(bucketHome, seg)
			}
		} else if fileByTail(p, add) {
			// by its last segment's name or extension
		} else if fileByStem(p, add) {
			// by how its last segment starts
		} else if strings.HasPrefix(strings.TrimPrefix(p.rest, "/"), ".") {
			add(bucketHomeDot, "")
		} else {
			add(bucketHomeOther, "")
		}
	case p.base:
		if !HasGlobMeta(p.rest) {
			add(bucketBase, p.rest)
		} else if ext, ok := strings.CutPrefix(p.rest, "*."); ok && !strings.ContainsAny(ext, `*?[]{}\.`) {
			add(bucketExt, ext)
		} else if !fileByTail(p, add) && !fileByStem(p, add) {
			add(bucketBaseOther, "")
		}
	default:
		if seg, ok := literalFirstSegment(p.rest); ok {
			add(bucketAbs, seg)
		} else if segs, ok := braceFirstSegments(p.rest); ok {
			for _, seg := range segs {
				add(bucketAbs, seg) // /{etc,var/lib,srv}/**: under each
			}
		} else if seg, ok := deepSegment(p.rest); ok {
			add(bucketDeep, seg)
		} else if !fileByTail(p, add) && !fileByStem(p, add) && !fileByDeepSegments(p, add) {
			add(bucketAbsOther, "")
		}
	}
}

// Len is the number of patterns; a nil set has none.
func (s *PathSet) Len() int {
	if s == nil {
		return 0
	}
	return s.n
}

// Match reports whether a pattern matches the cleaned absolute path p.
// Home-relative patterns also match in other accounts' homes, as
// PathPattern.Match does.
func (s *PathSet) Match(p, home, cwd string) bool {
	q := NewPathQuery(p, home, cwd)
	return s.MatchQuery(&q)
}

// PathQuery is a path made ready to be matched against many sets (each
// rule of a policy has its own): the keys every set's indexes are looked
// up by, found once instead of by each set.
type PathQuery struct {
	p, home, cwd string
	inHome       bool   // p is home or below it
	homeSeg      string // p's first segment below home, when inHome
	other        string // another account's home p lies in (otherHome), or ""
	otherSeg     string // p's first segment below other
	absSeg       string // p's first segment
	base         string // p's last segment
	ext          string // base's text after its last '.', when hasExt
	hasExt       bool
	// the nameBit of each key, for the indexes a snapshot carries
	// (indexedPaths.keyed), found once for every set asked
	homeBit, otherBit, absBit, baseBit, extBit, stemBit uint64
	// segBits is the nameBit of each segment the deep index is looked
	// up by (matchDeep): a set whose deep keys' summary holds none of
	// them has no deep pattern to try.
	segBits uint64
}

// NewPathQuery prepares the cleaned absolute path p for MatchQuery, with
// home and cwd as for Match.
func NewPathQuery(p, home, cwd string) PathQuery {
	q := PathQuery{p: p, home: home, cwd: cwd}
	if home != "" && strings.HasPrefix(p, home) && (len(p) == len(home) || p[len(home)] == '/') {
		q.inHome, q.homeSeg = true, firstSegment(p[len(home):])
	}
	// Another account's home is judged like the user's (see otherHome);
	// a path in the user's own home is in no other.
	if !underOwnHome(p, home) {
		if other := otherHome(p); other != "" && other != home {
			q.other, q.otherSeg = other, firstSegment(p[len(other):])
		}
	}
	q.absSeg = firstSegment(p)
	q.base = p[strings.LastIndexByte(p, '/')+1:]
	if i := strings.LastIndexByte(q.base, '.'); i >= 0 {
		q.ext, q.hasExt = q.base[i+1:], true
	}
	q.homeBit, q.otherBit, q.absBit = nameBit(q.homeSeg), nameBit(q.otherSeg), nameBit(q.absSeg)
	q.baseBit, q.extBit = nameBit(q.base), nameBit(q.ext)
	if len(q.base) >= stemLen {
		q.stemBit = nameBit(q.base[:stemLen])
	}
	for rest := p; rest != ""; {
		var seg string
		seg, rest = nextSegment(rest)
		q.segBits |= nameBit(seg)
	}
	return q
}

// MatchQuery is Match for a prepared path.
func (s *PathSet) MatchQuery(q *PathQuery) bool {
	if s.ix != nil {
		return s.ix.matchQuery(q)
	}
	s = s.built()
	p, home, cwd := q.p, q.home, q.cwd
	if q.inHome {
		seg := q.homeSeg
		if anyPattern(s.homeBy.get(seg), p, home, cwd) || anyPattern(s.homeOther, p, home, cwd) ||
			strings.HasPrefix(seg, ".") && anyPattern(s.homeDot, p, home, cwd) {
			return true
		}
	}
	if other := q.other; other != "" {
		seg := q.otherSeg
		if anyPattern(s.homeBy.get(seg), p, other, cwd) || anyPattern(s.homeOther, p, other, cwd) ||
			strings.HasPrefix(seg, ".") && anyPattern(s.homeDot, p, other, cwd) {
			return true
		}
	}
	if anyPattern(s.absBy.get(q.absSeg), p, home, cwd) || anyPattern(s.absOther, p, home, cwd) {
		return true
	}
	if s.deepBy.bits&q.segBits != 0 && s.matchDeep(p, home, cwd) {
		return true
	}
	if anyPattern(s.baseBy.get(q.base), p, home, cwd) {
		return true
	}
	if q.hasExt && anyPattern(s.extBy.get(q.ext), p, home, cwd) {
		return true
	}
	if len(q.base) >= stemLen && anyPattern(s.stemBy.get(q.base[:stemLen]), p, home, cwd) {
		return true
	}
	return anyPattern(s.baseOther, p, home, cwd) || anyPattern(s.cwd, p, home, cwd)
}

func anyPattern(ps []PathPattern, p, home, cwd string) bool {
	for _, pp := range ps {
		if pp.Match(p, home, cwd) {
			return true
		}
	}
	return false
}

// patternIndex is patterns by a literal key, with a one-bit summary of
// the keys (nameBit) so that most keys not there cost no map lookup: a
// path is looked up in several indexes of every set of every rule that
// admits it.
type patternIndex struct {
	by   map[string][]PathPattern
	bits uint64
}

func (x *patternIndex) add(k string, p PathPattern) {
	if x.by == nil {
		x.by = map[string][]PathPattern{}
	}
	x.by[k] = append(x.by[k], p)
	x.bits |= nameBit(k)
}

func (x *patternIndex) get(k string) []PathPattern {
	if x.bits&nameBit(k) == 0 {
		return nil
	}
	return x.by[k]
}

// matchDeep tries the "**/SEG…" patterns indexed under each segment of p.
func (s *PathSet) matchDeep(p, home, cwd string) bool {
	for rest := p; rest != ""; {
		var seg string
		seg, rest = nextSegment(rest)
		if anyPattern(s.deepBy.get(seg), p, home, cwd) {
			return true
		}
	}
	return false
}

// deepSegment returns SEG for a pattern "**/SEG" or "**/SEG/…" whose SEG
// is literal: the glob (and its "/SEG…" twin) needs "/SEG" followed by
// '/' or the end, so a path it matches has a segment SEG. A pattern
// holding a NUL byte or invalid UTF-8 is left out (gobwas reads a NUL as
// the pattern's end), and so is one with a comma or a brace anywhere (a
// directory pattern is compiled as "{DIR,DIR/**}", where a comma in DIR
// splits it into other alternatives).
func deepSegment(rest string) (string, bool) {
	after, ok := strings.CutPrefix(rest, "**/")
	if !ok || strings.ContainsAny(rest, "\x00,{}") || !utf8.ValidString(rest) {
		return "", false
	}
	seg := after
	if i := strings.IndexByte(after, '/'); i >= 0 {
		seg = after[:i]
	}
	if seg == "" || strings.ContainsAny(seg, `*?[]\!`) {
		return "", false
	}
	return seg, true
}

// fileByDeepSegments files a pattern "**/…" that deepSegment leaves
// (its first segment not literal, or braces in it) under the literal
// segments deepKeys finds, one of which every path it matches holds
// ("**/{.hg,.svn}/**": .hg and .svn; "**/*.git/refs/**": refs), and
// reports whether it did. Such patterns were otherwise tried for every
// path.
func fileByDeepSegments(p PathPattern, add func(b pathBucket, key string)) bool {
	var keysBuf [8]string
	keys, ok := deepKeys(keysBuf[:0], p.rest)
	if !ok {
		return false
	}
	for _, k := range keys {
		add(bucketDeep, k)
	}
	return true
}

// deepKeys appends to keys, for a pattern rest "**/…", a segment of each
// of its alternatives (its braces expanded) that every path the
// alternative matches holds: the first segment after the "**/" with no
// wildcard, class, escape, group or comma in it, before which no class
// or escape stands (one may hold a '/', so that what follows would not
// be a segment of its own). The segment is then written between literal
// slashes, or after one at the pattern's end, and the glob (and its
// "/…" twin) needs it as a whole segment. False when an alternative has
// no such segment, or the pattern holds a comma but no group: a
// directory pattern is compiled as "{DIR,DIR/**}", where that comma
// would split DIR into other alternatives. Each key is given once.
func deepKeys(keys []string, rest string) ([]string, bool) {
	if !strings.HasPrefix(rest, "**/") ||
		strings.IndexByte(rest, '{') < 0 && strings.IndexByte(rest, ',') >= 0 {
		return nil, false
	}
	alts, ok := patternAlts(rest, maxStemAlts)
	if !ok {
		return nil, false
	}
	for _, a := range alts {
		after, ok := strings.CutPrefix(a, "**/")
		if !ok {
			return nil, false
		}
		key := ""
		for after != "" && key == "" {
			var seg string
			seg, after, _ = strings.Cut(after, "/")
			if strings.ContainsAny(seg, `[]\`) {
				return nil, false
			}
			if seg != "" && !strings.ContainsAny(seg, `*?!{},`) {
				key = seg
			}
		}
		if key == "" {
			return nil, false
		}
		if !slices.Contains(keys, key) {
			keys = append(keys, key)
		}
	}
	return keys, len(keys) > 0
}

// fileByTail files p under the last segment or the extension that every
// path it matches ends with, when each of its alternatives ends with a
// literal one ("**/*.tfstate.backup": extension backup;
// "**/actions-runner/{.runner,.credentials}": names .runner and
// .credentials), and reports whether it did. Such a pattern is then tried
// only for paths with that base name or extension instead of for every
// path: the base-name and extension indexes are looked up for every path,
// whatever its kind, and the pattern's own Match still decides.
func fileByTail(p PathPattern, add func(b pathBucket, key string)) bool {
	var keysBuf [8]tailKey
	keys, ok := tailKeys(keysBuf[:0], p.rest)
	if !ok {
		return false
	}
	for _, k := range keys {
		if k.ext {
			add(bucketExt, k.s)
		} else {
			add(bucketBase, k.s)
		}
	}
	return true
}

// stemLen is how many leading bytes of a base name the stem index keys
// on.
const stemLen = 2

// fileByStem files p under the first stemLen bytes of its last segment,
// when each of its alternatives' last segment starts with that many
// literal bytes ("{/etc,/usr/local/etc}/odbc.ini{,.*,~}": od;
// "**/.env.*": .e), and reports whether it did: a path it matches has a
// base name starting with them. A segment holding "**" has none (what
// follows its literal start may cross into deeper directories), nor does
// one ending a directory. Such patterns (a file and its backups, a name
// and its variants) were otherwise tried for every path.
func fileByStem(p PathPattern, add func(b pathBucket, key string)) bool {
	var keysBuf [8]string
	keys, ok := stemKeys(keysBuf[:0], p.rest)
	if !ok {
		return false
	}
	for i, k := range keys {
		if !slices.Contains(keys[:i], k) {
			add(bucketStem, k)
		}
	}
	return true
}

// maxStemAlts bounds the alternatives of one pattern stemKeys reads
// (a few groups of names multiply: {/var/lib,/home}/{gitea,gogs}/…{,.*,~});
// their keys repeat, and are indexed once each.
const maxStemAlts = 256

// patternAlts returns the alternatives of a pattern's rest, its braces
// expanded; false when it is empty, holds a NUL byte (which gobwas reads
// as the pattern's end) or invalid UTF-8, or expands to more than max.
func patternAlts(rest string, max int) ([]string, bool) {
	if rest == "" || strings.IndexByte(rest, 0) >= 0 || !utf8.ValidString(rest) {
		return nil, false
	}
	if strings.IndexByte(rest, '{') < 0 {
		return []string{rest}, true
	}
	alts, ok := expandBraces(rest)
	return alts, ok && len(alts) <= max
}

// stemKeys appends the stem key of each of rest's alternatives; false
// when one has none (see fileByStem).
func stemKeys(dst []string, rest string) ([]string, bool) {
	alts, ok := patternAlts(rest, maxStemAlts)
	if !ok {
		return dst, false
	}
	for _, alt := range alts {
		seg := alt[strings.LastIndexByte(alt, '/')+1:]
		lit := seg
		if k := strings.IndexAny(seg, tailMeta); k >= 0 {
			lit = seg[:k]
		}
		if len(lit) < stemLen || strings.Contains(seg, "**") {
			return dst, false
		}
		dst = append(dst, lit[:stemLen])
	}
	return dst, true
}

// maxTailKeys bounds the keys one pattern is indexed under by its tail.
const maxTailKeys = 32

// tailKey is a base name (ext false) or an extension every path a
// pattern alternative matches ends with.
type tailKey struct {
	s   string
	ext bool
}

// tailKeys appends the tail key of each of rest's alternatives (rest
// itself when it has no group); false when one has none. An alternative's
// key is its last segment when that is literal ("/x/id_rsa": id_rsa),
// else the literal text after the segment's last '.' ("**/*.tfstate.*.backup":
// backup): a string the glob matches ends with the same text, so a path it
// matches has that base name or extension. A pattern ending in "/" or
// "/**" names a directory and what is inside it, and has none; so does one
// holding a NUL byte, which gobwas reads as the pattern's end.
func tailKeys(dst []tailKey, rest string) ([]tailKey, bool) {
	alts, ok := patternAlts(rest, maxTailKeys)
	if !ok {
		return dst, false
	}
	for _, alt := range alts {
		if strings.HasSuffix(alt, "/") {
			return dst, false
		}
		seg := alt[strings.LastIndexByte(alt, '/')+1:]
		switch {
		case seg != "" && !strings.ContainsAny(seg, tailMeta):
			dst = append(dst, tailKey{s: seg})
		case strings.LastIndexByte(seg, '.') >= 0:
			ext := seg[strings.LastIndexByte(seg, '.')+1:]
			if ext == "" || strings.ContainsAny(ext, tailMeta) {
				return dst, false
			}
			dst = append(dst, tailKey{s: ext, ext: true})
		default:
			return dst, false
		}
	}
	return dst, true
}

// tailMeta are the bytes that make a segment or extension not literal (a
// comma too: in a group it separates alternatives).
const tailMeta = `*?[]{}\!,`

// firstSegment is the first segment of "/a/b" ("a"), or "" for "/".
func firstSegment(p string) string {
	p = strings.TrimPrefix(p, "/")
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return p
}

// literalFirstSegment returns the first segment of a pattern's path part
// when it is literal and followed by more ("/.ssh/**" → ".ssh"), or when it
// is the whole pattern ("/.netrc" → ".netrc").
// braceFirstSegments returns the first segments of a pattern whose first
// segment is one {A,B} group of literal names (/{etc,var/lib,srv}/**:
// etc, var, srv), each once; false for any other shape.
func braceFirstSegments(rest string) ([]string, bool) {
	if !strings.HasPrefix(rest, "/{") {
		return nil, false
	}
	end := strings.IndexByte(rest, '}')
	if end < 0 || end+1 < len(rest) && rest[end+1] != '/' {
		return nil, false
	}
	var out []string
	for _, alt := range strings.Split(rest[2:end], ",") {
		seg, _, _ := strings.Cut(alt, "/")
		if seg == "" || HasGlobMeta(seg) {
			return nil, false
		}
		if !slices.Contains(out, seg) {
			out = append(out, seg)
		}
	}
	return out, len(out) > 0
}

func literalFirstSegment(rest string) (string, bool) {
	if !strings.HasPrefix(rest, "/") {
		return "", false
	}
	seg := firstSegment(rest)
	if seg == "" || HasGlobMeta(seg) {
		return "", false
	}
	return seg, true
}

// nextSegment splits rest, a path's tail starting at a '/', into its first
// segment and the tail after it (which starts at the next '/', or is "").
// Segments are short: a loop over their bytes costs less than
// strings.IndexByte's call, and leaves the function small enough to be
// inlined into the loops that ask it of every segment of a path.
func nextSegment(rest string) (seg, tail string) {
	rest = rest[1:] // past the '/'
	for i := 0; i < len(rest); i++ {
		if rest[i] == '/' {
			return rest[:i], rest[i:]
		}
	}
	return rest, ""
}
