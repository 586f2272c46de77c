package engine

import (
	"path"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/internal/table"
)

// A web shell: a page whose code hands what a visitor sends (PHP's
// $_GET, $_POST, $_REQUEST, $_COOKIE; a JSP's request.getParameter) to a
// command or to eval, so that anyone who can reach the server runs what
// they like on it. Whatever writes it (the write tool, echo > F, SQL's
// INTO OUTFILE, an MCP server's write_file) and wherever it lands (a web
// root, the project), it is a way into the machine planted for someone
// else: the effect "write:web-shell", which the standard profile denies.

const effectWebShell = "write:web-shell"

// pageExts are the extensions of the files a web server runs as pages: a
// rule or a test that quotes a web shell's text (a YARA rule, a scanner's
// fixture) is no page.
var pageExts = table.Map[string, bool]{Words: ".php .phtml .php3 .php4 .php5 .php7 .php8 .phar .inc .jsp .jspx .asp .aspx .ashx .cfm"}

// webShellCode matches a request's input handed to a command or to eval.
var webShellCode = table.Regexp{Expr: `(?i)(\b(system|exec|shell_exec|passthru|popen|proc_open|pcntl_exec|eval|assert|create_function)\s*\(\s*(@?\s*(base64_decode|str_rot13|gzinflate|stripslashes|trim)\s*\(\s*)*@?\s*\$_(GET|POST|REQUEST|COOKIE|SERVER|FILES)\b` +
	"|`\\s*\\$_(GET|POST|REQUEST|COOKIE)\\b" +
	`|getRuntime\(\)\s*\.\s*exec\s*\(\s*request\.getParameter\s*\(|\beval\s*\(\s*Request(\.Form|\.QueryString)?\s*\()`}

// judgeWebShell judges text written to p, a page (pageExts), that is a
// web shell.
func (ev *evaluation) judgeWebShell(p, content string) {
	if ev.denied() || !pageExts.Get(strings.ToLower(path.Ext(p))) || !strings.Contains(content, "$_") && !strings.Contains(content, "getParameter") && !strings.Contains(content, "Request") {
		return
	}
	if len(content) > maxScannedContent {
		content = content[:maxScannedContent]
	}
	if webShellCode.Get().MatchString(content) {
		s := subject{tool: call.ToolWrite, text: "a page that runs what a request sends: " + p, path: p, effect: effectWebShell}
		ev.judge(&s)
	}
}
