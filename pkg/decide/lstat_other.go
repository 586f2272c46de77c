//go:build !(linux && (amd64 || arm64))

package decide

// haveRawLstat says there is no raw lookup here: Config.RawLookups
// changes nothing.
const haveRawLstat = false

// lstatRaw is isLink.
func lstatRaw(path string) (bool, error) { return isLink(path) }

// noLinksRaw does not know: the walk answers every path.
func noLinksRaw(path string) linkLookup { return unknown }
