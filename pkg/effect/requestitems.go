package effect

import "strings"

// requestItem handles an HTTPie-style request item that sends a file. An
// item's separator is the first '=', ':' or '@' in it: "@PATH" (the body)
// and "FIELD@PATH" (a form file) send the file, as do "FIELD=@PATH" and
// "FIELD:=@PATH" (a field's value read from it), and "Header:@PATH" (a
// header's value read from it, HTTPie 3); "email=dev@example.com" is a
// plain field.
func (a *analysis) requestItem(i int, w string, f *cmdFacts) {
	k := strings.IndexAny(w, "=:@")
	if k < 0 {
		return
	}
	var p string
	switch rest := w[k:]; {
	case rest[0] == '@':
		p = rest[1:]
	case strings.HasPrefix(rest, "=@"):
		p = rest[2:]
	case strings.HasPrefix(rest, ":=@"):
		p = rest[3:]
	case strings.HasPrefix(rest, ":@") && k > 0:
		p = rest[2:] // "Header:@PATH": a header's value read from the file
	default:
		return
	}
	if j := strings.IndexByte(p, ';'); j > 0 {
		p = p[:j] // f@file;type=text/plain
	}
	if p == "" {
		return
	}
	clean := a.clean(p, i)
	a.add(Effect{Kind: Read, Cmd: i, Path: clean})
	f.reads = append(f.reads, clean)
	f.sends = append(f.sends, clean)
	f.argSend = true
	if unresolved(p) {
		// http POST URL @"$F": a file nobody can name is sent.
		a.add(Effect{Kind: Unknown, Cmd: i, Detail: "upload-source", Word: p})
	}
}

// headerItem reports an HTTPie-style request item that is a header
// ("Authorization:Bearer $T", "X-Vault-Token:$T"): its separator, the
// first '=', ':' or '@' in it, is a lone ':' that comes before byte d
// (the expansion), after a name. A header presents a credential where it
// is used, as curl -H does; a field ("token=$T") or a query ("t==$T")
// carries it as data.
func headerItem(w string, d int) bool {
	k := strings.IndexAny(w, "=:@")
	return k > 0 && w[k] == ':' && (k+1 >= len(w) || w[k+1] != '=') && k < d
}
