package effect

import "strings"

// Code that fetches a URL with a call that can only GET it
// (requests.get(URL), urllib.request.urlopen(URL), fetch(URL),
// axios.get(URL), Net::HTTP.get(URI(URL)), file_get_contents(URL)) makes
// the request the fetch tool's GET of that URL makes: a GET whose path
// names an action does it (engine/fetchactions.go). Its Connect effect
// says so (Detail "get"); a call given a body or a method (fetch(URL,
// {method: "DELETE"}), urlopen(URL, data)) is left as any other connect.

// getCalls are the calls that GET the URL given as their first argument
// whatever else they are given (headers, parameters, a callback).
var getCalls = [...]string{
	"requests.get(", "httpx.get(", "session.get(", "urlretrieve(", "axios.get(", "got.get(", "http.get(",
	"https.get(", "$.get(", "ky.get(", "Net::HTTP.get(", "Net::HTTP.get_response(", "URI.open(",
	"HTTParty.get(", "Faraday.get(", "LWP::Simple::get(", "http::get(", "reqwest::get(",
	"require('https').get(", "require('http').get(", `require("https").get(`, `require("http").get(`,
	"require('node:https').get(", `require("node:https").get(`, "require('axios').get(",
	"request('GET',", `request("GET",`, "request('get',", `request("get",`, "getprint(", "getstore(",
}

// getAloneCalls GET the URL when it is all they are given: a second
// argument may set another method or send a body (fetch(URL, {method:
// "DELETE"}), urlopen(URL, data)).
var getAloneCalls = [...]string{"urlopen(", "fetch(", "got(", "file_get_contents(", "get(", "file(", "open(",
	"axios(", "require('axios')(", `require("axios")(`, "Request(", "curl_init("}

// bareCalls are Perl's calls written without parentheses (getprint
// "URL", get "URL"), read as getCalls.
var bareCalls = [...]string{"getprint", "getstore", "get", "head"}

// stringPrefixes are the letters that may open a string literal (f"…",
// r'…', b"…").
const stringPrefixes = "fFrRbBuU"

// codeGets reports whether code passes the URL u, quoted, as the first
// argument of one of getCalls, or as the only one of getAloneCalls.
func codeGets(code, u string) bool {
	for at := 0; at < len(code); {
		k := strings.Index(code[at:], u)
		if k < 0 {
			return false
		}
		k += at
		at = k + len(u)
		if k == 0 || at >= len(code) {
			continue
		}
		q := code[k-1]
		if q != '"' && q != '\'' && q != '`' || code[at] != q {
			continue // the URL quoted whole
		}
		before := strings.TrimRight(code[:k-1], " ")
		for n := 0; n < 2 && before != "" && strings.IndexByte(stringPrefixes, before[len(before)-1]) >= 0; n++ {
			before = before[:len(before)-1] // f"…", rb"…": a string all the same
		}
		before = strings.TrimRight(before, " ")
		if b, ok := strings.CutSuffix(before, "="); ok {
			if b, ok := strings.CutSuffix(strings.TrimRight(b, " "), "url"); ok {
				before = strings.TrimRight(b, " ") // requests.get(url = "…")
			}
		}
		uri := strings.HasSuffix(before, "URI(") || strings.HasSuffix(before, "URI.parse(")
		before = strings.TrimSuffix(strings.TrimSuffix(before, "URI("), "URI.parse(") // Net::HTTP.get(URI("…"))
		before = strings.TrimRight(before, " ")
		after := strings.TrimLeft(code[at+1:], " ")
		if callsBefore(before, getCalls[:]) || bareCall(before, code) {
			return true
		}
		if uri && (strings.HasPrefix(after, ").read") || strings.HasPrefix(after, ").open")) {
			return true // URI("…").read: open-uri's GET
		}
		if callsBefore(before, getAloneCalls[:]) && (strings.HasPrefix(after, ")") || getOptions(after)) {
			if strings.HasSuffix(before, "curl_init(") && curlSetsMethod(code) {
				continue
			}
			return true // the URL alone, or with options that set no body or method: a GET
		}
	}
	return false
}

// callsBefore reports whether text ends in one of calls, a call of its
// own (not the end of a longer name: prefetch( is no fetch().
func callsBefore(text string, calls []string) bool {
	for _, c := range calls {
		if !strings.HasSuffix(text, c) {
			continue
		}
		if n := len(text) - len(c); n == 0 || !identByte(text[n-1]) || strings.ContainsAny(c[:len(c)-1], ".:$") {
			return true
		}
	}
	return false
}

// identByte reports a byte of an identifier.
func identByte(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// bareCall reports Perl's LWP::Simple call written without parentheses
// before a URL (getprint "URL").
func bareCall(before, code string) bool {
	if !strings.Contains(code, "LWP::Simple") {
		return false
	}
	for _, c := range bareCalls {
		if callsBefore(before+"(", []string{c + "("}) {
			return true
		}
	}
	return false
}

// getOptions reports whether the arguments after a URL (", timeout=10)",
// ", {headers: {…}})", ", {method: 'GET'})") set neither a body nor a
// method other than GET: keyword arguments and an options object only.
func getOptions(after string) bool {
	rest, ok := strings.CutPrefix(after, ",")
	if !ok {
		return false
	}
	end := closingArgs(rest)
	if end < 0 {
		return false
	}
	args := strings.ToLower(rest[:end])
	for _, w := range [...]string{"body", "data", "json", "files", "form", "post", "put", "delete", "patch"} {
		if strings.Contains(args, w) {
			return false
		}
	}
	for _, a := range strings.Split(args, ",") {
		a = strings.TrimSpace(a)
		if a == "" || strings.HasPrefix(a, "{") || strings.HasSuffix(a, "}") || strings.Contains(a, ":") {
			continue // an options object's members
		}
		if name, _, ok := strings.Cut(a, "="); !ok || strings.ContainsAny(name, " ([") {
			return false // a positional argument: urlopen(URL, data)
		}
	}
	return true
}

// closingArgs returns the index of the ")" that closes the call whose
// arguments s holds, or -1.
func closingArgs(s string) int {
	depth := 0
	var q byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"' || c == '\'' || c == '`':
			q = c
		case c == '(' || c == '{' || c == '[':
			depth++
		case c == ')' || c == '}' || c == ']':
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	return -1
}

// curlSetsMethod reports PHP curl code that sets a method or a body.
func curlSetsMethod(code string) bool {
	for _, o := range [...]string{"CURLOPT_POST", "CURLOPT_CUSTOMREQUEST", "CURLOPT_PUT", "CURLOPT_UPLOAD", "CURLOPT_NOBODY"} {
		if strings.Contains(code, o) {
			return true
		}
	}
	return false
}

// codeDeletes reports whether code sends a DELETE to the URL u it names:
// a client's delete call given the URL (requests.delete(URL),
// axios.delete(URL), httpx.Client().delete(URL)) or a name holding it
// (h.delete(u.path)), or the method named beside it as a string or a
// constant (fetch(URL, {method: 'DELETE'}), requests.request('DELETE',
// URL), http.NewRequest("DELETE", URL, nil), http.MethodDelete,
// Net::HTTP::Delete, CURLOPT_CUSTOMREQUEST, "DELETE"). A one-liner that
// names the method names it for the request it makes.
func codeDeletes(code, u string) bool {
	if deleteCalled(code, u) {
		return true
	}
	for _, c := range [...]string{"http.MethodDelete", "Net::HTTP::Delete", "HttpMethod.DELETE", "HttpMethod.Delete", "Method::DELETE"} {
		if strings.Contains(code, c) {
			return true
		}
	}
	for at := 0; at < len(code); {
		k := strings.IndexAny(code[at:], `"'`+"`")
		if k < 0 {
			return false
		}
		k += at
		q := code[k]
		end := strings.IndexByte(code[k+1:], q)
		if end < 0 {
			return false
		}
		if strings.EqualFold(code[k+1:k+1+end], "delete") {
			return true
		}
		at = k + 1 + end + 1
	}
	return false
}

// deleteCalled reports a call named delete or del (a method of a client,
// a session or a connection) whose first argument is the URL u, quoted,
// or a name that holds a URL or its path (url, uri, u.path, endpoint).
func deleteCalled(code, u string) bool {
	for at := 0; at < len(code); {
		k := strings.Index(code[at:], "delete(")
		n := len("delete(")
		if j := strings.Index(code[at:], "del("); j >= 0 && (k < 0 || j < k) {
			k, n = j, len("del(")
		}
		if k < 0 {
			return false
		}
		k += at
		at = k + n
		if k == 0 || code[k-1] != '.' && code[k-1] != ':' {
			continue // a client's method (axios.delete, Client::new().delete), not a function of its own
		}
		arg := strings.TrimLeft(code[at:], " ")
		if arg != "" && (arg[0] == '"' || arg[0] == '\'' || arg[0] == '`') {
			if strings.HasPrefix(arg[1:], u) {
				return true
			}
			continue
		}
		name := strings.ToLower(arg[:strings.IndexFunc(arg+")", func(r rune) bool { return r == ')' || r == ',' || r == ' ' })])
		for _, w := range [...]string{"url", "uri", "path", "endpoint", "href"} {
			if strings.Contains(name, w) {
				return true
			}
		}
		if name == "u" || strings.HasPrefix(name, "u.") {
			return true
		}
	}
	return false
}
