package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
)

// An RPC a gRPC client sends (grpcurl ADDRESS SERVICE/METHOD) changes what
// the server holds as an HTTP DELETE does when the method's name begins
// with a verb that destroys (DeleteOrder, DropDatabase, PurgeQueue): the
// catalogue's "rpc-method" entries name a method among their operands and
// the server by their url role. A server on this machine (localhost:50051,
// a unix socket with -unix) is a development server's, as a DELETE sent
// there is.

// rpcDestroyVerbs are the leading words of a method's name that destroy
// what the server holds.
var rpcDestroyVerbs = table.Map[string, bool]{Words: `delete drop destroy purge truncate remove wipe erase
	obliterate terminate flush`}

// rpcDestroys returns the destroying method a client's words send to a
// server that is not this machine, or "".
func rpcDestroys(cl *catalog.Classified, args []string) string {
	if cl.Entry == nil || cl.Entry.Prop("rpc-method") == "" || hasFlag(args, "-unix") {
		return ""
	}
	method, remote := "", false
	for _, w := range cl.Words {
		if w.Option != "" {
			continue
		}
		if w.Role == catalog.URL {
			host, _, _ := strings.Cut(w.Text, "/")
			remote = remote || !schemelessHere(host)
			continue
		}
		name := w.Text
		if k := strings.LastIndexAny(name, "/."); k >= 0 {
			name = name[k+1:]
		}
		if rpcDestroyVerbs.Get(leadingWord(name)) {
			method = name
		}
	}
	if !remote {
		return ""
	}
	return method
}

// leadingWord returns the first word of a method's name, lower-cased:
// up to its second capital (DeleteOrder, dropDatabase) or an underscore
// (delete_order).
func leadingWord(name string) string {
	for k := 1; k < len(name); k++ {
		if c := name[k]; c >= 'A' && c <= 'Z' || c == '_' || c == '-' {
			return strings.ToLower(name[:k])
		}
	}
	return strings.ToLower(name)
}
