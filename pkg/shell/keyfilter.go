package shell

import "rampart.dev/pkg/internal/table"

// keyFilter is a one-word summary of a table's keys, one bit per key
// chosen by its length and end bytes (as catalog's property summary and
// match's name bits are): a name whose bit is clear is no key, found
// without a map lookup. The walk asks several small tables about every
// command (recipe runners, module loaders, vim), and most commands are in
// none of them.
type keyFilter uint64

// keyBit is k's bit in a keyFilter.
func keyBit(k string) keyFilter {
	if k == "" {
		return 1
	}
	return 1 << ((uint(len(k)) + uint(k[0])*7 + uint(k[len(k)-1])*31) & 63)
}

// filterOf summarises the keys of m, a table never changed after start.
func filterOf[V any](m map[string]V) keyFilter {
	var f keyFilter
	for k := range m {
		f |= keyBit(k)
	}
	return f
}

// mayHold reports whether k may be a key: false means it is not.
func (f keyFilter) mayHold(k string) bool { return f&keyBit(k) != 0 }

// Each filter is made with the table it summarises, on first use.
var (
	recipeKeys = table.Once[keyFilter]{Build: func() keyFilter { return filterOf(recipeRunners.All()) }}
	vimKeys    = table.Once[keyFilter]{Build: func() keyFilter { return filterOf(vimNames.All()) }}
	// codeFileKeys summarises codeFileOptions, asked about every command.
	codeFileKeys = table.Once[keyFilter]{Build: func() keyFilter { return filterOf(codeFileOptions.All()) }}
	moduleKeys   = table.Once[keyFilter]{Build: func() keyFilter { return filterOf(moduleLangs.Get()) }}
)
