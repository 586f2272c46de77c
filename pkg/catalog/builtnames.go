package catalog

import (
	"hash/crc32"
	"sort"
	"strings"
	"unsafe"
)

//go:generate go test -run TestBuiltNames -args -update-names

// builtName is one name in the head of one line of the embedded table:
// the line's start in the table and its number (from 1). builtNames, made
// from the table when it changes (go generate) and built into the binary
// as static data, holds one for each name of each line, by name and then
// by line. A process then finds a program's lines with a binary search,
// instead of searching the 150 KB table for its name (linesNaming: some
// 400k instructions for git, whose first byte the table is full of, and
// every page of the table touched) or indexing its lines (lineHeads).
type builtName struct {
	name string
	at   uint32
	n    uint32
}

// builtNaming calls f, in order, with the number and trimmed text of each
// line of src, the embedded table, whose head names name, as linesNaming
// does, through builtNames.
func builtNaming(src, name string, f func(n int, line string)) {
	i := sort.Search(len(builtNames), func(i int) bool { return builtNames[i].name >= name })
	for ; i < len(builtNames) && builtNames[i].name == name; i++ {
		l := &builtNames[i]
		f(int(l.n), strings.TrimSpace(src[l.at:lineEnd(src, int(l.at))]))
	}
}

// builtFor reports whether builtNames was made from src: of its length and
// CRC-32 (IEEE). An index made from another table would hide lines from
// lookups, or give other lines; the checksum costs a few tens of thousands
// of instructions, a tenth of searching the table once.
func builtFor(src string) bool {
	return len(src) == builtNamesLen &&
		crc32.ChecksumIEEE(unsafe.Slice(unsafe.StringData(src), len(src))) == builtNamesSum // read in place, not copied
}
