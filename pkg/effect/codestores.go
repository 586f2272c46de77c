package effect

import (
	"strings"

	"rampart.dev/pkg/internal/substrs"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Inline code talks to databases and clouds through their client libraries
// as a command line does through their CLIs: python3 -c "…psycopg2.connect
// (…).cursor().execute('DROP SCHEMA public CASCADE')" drops what psql -c
// 'DROP SCHEMA public CASCADE' does, and boto3's bucket.objects.all()
// .delete() empties what aws s3 rm --recursive does. Code that holds a
// database driver has each quoted literal that is a destroying statement
// judged as SQL it runs, and its store-wide calls (flushall(),
// drop_database()) as their statements; code that holds a cloud SDK (or
// any client it logs in with a secret from the environment) and calls one
// of its destroying methods destroys what that service holds.

// codeDrivers are the spellings by which code loads or opens a database
// client, in the languages an interpreter runs inline.
var codeDrivers = []string{
	// Python
	"psycopg", "pymysql", "MySQLdb", "mysql.connector", "sqlite3", "sqlalchemy", "create_engine", "asyncpg", "pg8000",
	"cx_Oracle", "oracledb", "pyodbc", "pymssql", "cassandra", "clickhouse", "snowflake.connector", "pymongo", "MongoClient", "redis.",
	// Node
	"require('pg')", "require(\"pg\")", "from 'pg'", "from \"pg\"", "mysql2", "require('mysql", "require(\"mysql", "knex", "sequelize",
	"better-sqlite3", "$executeRaw", "require('mssql", "require('mongodb", "require(\"mongodb", "ioredis", "require('redis", "require(\"redis",
	// Ruby, Perl, PHP, R
	"PG.connect", "PG::Connection", "Mysql2::Client", "SQLite3::Database", "Sequel.connect", "ActiveRecord", "Redis.new", "Mongo::Client",
	"DBI->connect", "DBI->", "new PDO", "PDO(", "mysqli", "pg_connect", "pg_query", "dbConnect", "dbExecute", "dbSendQuery",
}

// storeWideCalls are a client library's calls that empty or drop a whole
// store, with the statement each stands for.
var storeWideCalls = []struct{ call, statement string }{
	{"flushall(", "FLUSHALL"}, {"flushAll(", "FLUSHALL"}, {"flushdb(", "FLUSHDB"}, {"flushDb(", "FLUSHDB"},
	{"drop_database(", "db.dropDatabase()"}, {"dropDatabase(", "db.dropDatabase()"},
}

// codeCloudSDKs are the spellings by which code loads a cloud's or a
// cluster's client library.
var codeCloudSDKs = []string{
	"boto3", "botocore", "google.cloud", "googleapiclient", "azure.", "@aws-sdk", "aws-sdk", "@google-cloud", "@azure/",
	"Aws::", "Google::Cloud", "Azure::", "kubernetes", "@kubernetes/client-node", "digitalocean", "linode_api", "hcloud", "pulumi",
	// the Hugging Face Hub's client: HfApi().delete_repo removes a model
	"huggingface_hub", "@huggingface/hub",
	// search clusters and hosted databases reached by their own clients:
	// indices.delete(index=…) drops an index as DELETE /INDEX does,
	// supabase's from('t').delete() deletes a table's rows
	"opensearchpy", "@opensearch-project/opensearch", "from elasticsearch", "import elasticsearch", "@elastic/elasticsearch",
	"from supabase", "import supabase", "@supabase/supabase-js",
	// Firebase's admin SDK: db.reference('/').delete(), recursive_delete
	"firebase_admin", "firebase-admin",
	// Backblaze B2's SDK: api.delete_bucket(bucket), b.delete_file_version
	"b2sdk", "backblaze-b2",
}

// hostedOnlyClients are client libraries of services that run only
// elsewhere (a hosted vector database): their client reaches the service
// whatever it is given.
var hostedOnlyClients = table.Once[*substrs.Set]{Build: func() *substrs.Set {
	return substrs.NewSet([]string{"from pinecone", "import pinecone", "@pinecone-database/"})
}}

// sdkDestroyCall matches a call of a destroying method, in the spellings
// the SDKs use: bucket.delete(), delete_bucket(, terminate_instances(,
// deleteBucket(, new DeleteBucketCommand(, delete_namespaced_pod(; a
// long-running operation started and awaited (Azure's
// resource_groups.begin_delete(, beginDeleteAndWait() is the same call.
//
// A method named by a literal is the same call (getattr(s3,
// 'delete_bucket')(…), s3['DeleteBucketCommand'], a command class bound
// to another name: const Cmd = DeleteBucketCommand), and so is one that
// empties what it names before making it again (recreate_collection,
// truncate_table) or deletes a tree (recursive_delete).
var sdkDestroyCall = table.Regexp{Expr: `\.(?:begin_|recursive_)?(delete|terminate|destroy|purge|drop|recreate|truncate)(_[a-z_]+)?\s*\(|\.(?:begin)?(delete|terminate|destroy|purge|drop|recreate|truncate|Delete|Terminate|Destroy|Purge|Drop|Recreate|Truncate)[A-Z]\w*\s*\(|\.begin(Delete|Terminate|Destroy|Purge|Drop)\s*\(|\b(Delete|Terminate|Destroy|Purge)[A-Z]\w*Command\s*[(;,)]|getattr\([^()]*,\s*['"](?:begin_)?(delete|terminate|destroy|purge|drop)(_[a-z_]+)?['"]\s*\)|\[\s*['"](?:(?:begin_)?(?:delete|terminate|destroy|purge|drop)(?:_[a-z_]+)?|(?:Delete|Terminate|Destroy|Purge)[A-Z]\w*Command)['"]\s*\]`}

// sdkDestroyName matches a literal that is a destroying method's name
// ('delete_bucket', 'DeleteBucketCommand'): held in a name and called by
// getattr or a subscript, it is that method's call.
var sdkDestroyName = table.Regexp{Expr: `^(?:begin_)?(?:delete|terminate|destroy|purge|drop)(?:_[a-z_]+)?$|^(?:Delete|Terminate|Destroy|Purge)[A-Z]\w*Command$`}

// sdkDestroyWordSet holds the verbs every sdkDestroyCall spells, in the
// cases it spells them: code without one calls none (a cheap test first).
var sdkDestroyWordSet = table.Once[*substrs.Set]{Build: func() *substrs.Set {
	return substrs.NewSet([]string{"delete", "Delete", "terminate", "Terminate", "destroy", "Destroy", "purge", "Purge", "drop", "Drop", "recreate", "Recreate", "truncate", "Truncate"})
}}

// codeStores adds what an interpreter's inline code does to databases and
// clouds through their client libraries.
func (a *analysis) codeStores(i int, c *shell.Command) {
	code, ok, stdin := shell.InterpreterCode(c)
	if !ok && stdin && len(c.Stdin) > 0 {
		// python3 - <<'EOF' … EOF: the program is what reaches its input
		code, ok = strings.Join(c.Stdin, "\n"), true
	}
	if !ok || len(code) > 1<<16 {
		return
	}
	text := substrs.NewText(code) // one summary for the lists below
	if codeDriverSet.Get().In(&text) {
		for _, lit := range codeLiterals(code) {
			if embeddedStatement.Get().MatchString(lit) {
				a.add(Effect{Kind: SQL, Cmd: i, Target: lit})
			}
		}
		for _, s := range storeWideCalls {
			if strings.Contains(code, s.call) {
				a.add(Effect{Kind: SQL, Cmd: i, Target: s.statement})
			}
		}
	}
	if sdkDestroyWordSet.Get().In(&text) && (codeCloudSDKSet.Get().In(&text) || shell.ReadsSecretVar(code) || remoteClient(code)) && !localMarked(code, &text) {
		// (an emulator on this machine holds nothing shared: codecalls.go)
		// Code that logs in with a secret from the environment holds a
		// service's client whatever its library (Pinecone(api_key=
		// os.environ['PINECONE_API_KEY']).delete_index('prod'), new
		// QdrantClient({apiKey: process.env.QDRANT_API_KEY})
		// .deleteCollection('docs')): its destroying call destroys what
		// that service holds, as a listed cloud SDK's does.
		// (delete_index('test-ci-1762') removes a test's own resource)
		// (each call is judged: a test's own resource deleted first does
		// not pass the next one)
		for _, loc := range sdkDestroyCall.Get().FindAllStringIndex(code, 8) {
			if !testResource(code[loc[1]:]) {
				m := code[loc[0]:loc[1]]
				a.add(Effect{Kind: Destroy, Cmd: i, Detail: "remote", Word: c.Name + " " + strings.TrimSpace(strings.TrimLeft(m, "."))})
				break
			}
		}
		if strings.Contains(code, "getattr(") || strings.Contains(code, "['") || strings.Contains(code, "[\"") {
			for _, lit := range codeLiterals(code) {
				if sdkDestroyName.Get().MatchString(lit) {
					a.add(Effect{Kind: Destroy, Cmd: i, Detail: "remote", Word: c.Name + " " + lit})
					break
				}
			}
		}
	}
	a.codeServiceChange(i, c, code) // codecalls.go
	a.codeHubPublishes(i, c, code)  // hubpublish.go
	a.codeTunnels(i, c, code)       // codetunnels.go
	a.codeKeyToBaseURL(i, c, code)  // endpointkeys.go
	a.codeSecretReads(i, c, code)   // sdksecrets.go
}

// clientAddress matches where a client library is given the address of
// its service: by a keyword (host='chroma.prod.acme.io', url="https://…",
// uri='db://…', location=…, cluster_url=…) or as the first argument of a
// connect function, a Client class or from_url
// (connect_to_weaviate_cloud('https://…'), QdrantClient(u),
// redis.Redis.from_url('redis://…')). Group 1 is a keyword, group 2 a
// quoted address, group 3 a name holding one.
//
// A keyword may be quoted (**{'url': …}, {"host": …}) or end in host, url
// or uri (http_host=, cluster_url=, baseURL:); a list may hold the
// address (Cluster(['cass.acme.io']), hosts=['https://…']); the connect
// functions include create_engine, a driver(…) and a Redis(…).
var clientAddress = table.Regexp{Expr: `(?:[(,{]\s*['"]?(\w*(?:host|url|uri|Host|URL|Url|Uri)s?|location|address|server|dsn|endpoint|nodes)['"]?\s*[=:]\s*\[?\s*|(?:connect\w*|Client|from_url|create_engine|driver|Redis|Cluster)\(\s*\[?\s*)(?:['"]([^'"]*)['"]|([A-Za-z_]\w*)\s*[,)\]])`}

// clientAddressShorthand matches an object's shorthand key named for an
// address ({url}, {host, port}): the name of the same spelling holds it.
var clientAddressShorthand = table.Regexp{Expr: `[{,]\s*(url|host|uri|endpoint|address)\s*[,}]`}

// httpClientCalls are the calls of general HTTP clients whose address
// arguments are the requests they send, judged as requests
// (engine/coderequests.go), not as a service's client.
var httpClientCalls = table.Map[string, bool]{Words: `Client AsyncClient Session ClientSession PoolManager Request create extend urlopen get post put patch delete head options request fetch`}

// testResource reports a destroying call's arguments (from after its
// '(') whose first is a literal named for tests.
func testResource(args string) bool {
	lit, _, ok := literalAt(strings.TrimLeft(args, " "))
	return ok && testName(lit)
}

// clientCredentialKey matches a client library given a credential by
// keyword (api_key='…', token=…, auth_credentials=…, apiKey: …).
var clientCredentialKey = table.Regexp{Expr: `[(,{]\s*(?:api_key|apiKey|api_token|apiToken|token|auth_credentials|authCredentials|access_key|accessKey|secret_key|password)\s*[=:]`}

// remoteClient reports code that holds a client of a service elsewhere
// whatever its library: one of hostedOnlyClients, one given a credential
// by keyword, or one given the address of another machine (clientAddress)
// with no general HTTP client in the code. A URL the code only names (a
// CSV read by pandas, a link printed) makes no client
// (QdrantClient(url='https://qdrant.prod.acme.io', api_key=k),
// weaviate.connect_to_weaviate_cloud('https://…'), connections.connect(
// uri='https://in01-prod.zillizcloud.com')). Its destroying call destroys
// what that service holds, as a listed SDK's does.
func remoteClient(code string) bool {
	text := substrs.NewText(code)
	if hostedOnlyClients.Get().In(&text) || clientCredentialKey.Get().MatchString(code) {
		return true
	}
	httpLib := codeHTTPClientSet.Get().In(&text)
	matches := clientAddress.Get().FindAllStringSubmatchIndex(code, -1)
	if strings.Contains(code, "{") {
		for _, m := range clientAddressShorthand.Get().FindAllStringSubmatchIndex(code, -1) {
			// {url}: a name holding the address, under an address keyword
			matches = append(matches, []int{m[0], m[1], m[2], m[3], -1, -1, m[2], m[3]})
		}
	}
	for _, idx := range matches {
		m := make([]string, 4)
		for g := 1; g < 4; g++ {
			if idx[2*g] >= 0 {
				m[g] = code[idx[2*g]:idx[2*g+1]]
			}
		}
		if httpLib && httpClientCalls.Get(addressCallee(code, idx[0], m[1] != "")) {
			continue // requests.request('DELETE', url=…) is judged as the request it is
		}
		addrs := []string{m[2]}
		if m[3] != "" {
			values, _ := shell.AssignedValues(code, m[3])
			addrs = addrs[:0]
			for _, v := range values {
				lit, _, ok := literalAt(v)
				if !ok && m[1] != "" {
					return true // url=u, u from the environment or a file: anywhere
				}
				addrs = append(addrs, lit)
			}
		}
		for _, a := range addrs {
			if h := addressHost(a); h != "" && !loopback(h) {
				return true // HttpClient(host='chroma.prod.acme.io'), QdrantClient(url='https://…')
			}
		}
	}
	return false
}

// addressCallee returns the last part of the name of the call whose
// arguments a clientAddress match at code[at:] is in: the call it names
// itself (httpx.Client( -> Client), or for a keyword the call whose
// parenthesis is open before it.
func addressCallee(code string, at int, keyword bool) string {
	j := at
	if keyword {
		depth := 0
		for j = at; j >= 0 && at-j < 400; j-- {
			if c := code[j]; c == ')' || c == ']' || c == '}' {
				depth++
			} else if c == '(' || c == '[' || c == '{' {
				if depth == 0 && c == '(' {
					break
				}
				if depth > 0 {
					depth--
				}
			}
		}
		if j < 0 || at-j >= 400 {
			return ""
		}
	} else if k := strings.IndexByte(code[at:], '('); k >= 0 {
		j = at + k
	}
	e := j
	for j > 0 && isWordByte(code[j-1]) {
		j--
	}
	return code[j:e]
}

// localMarked reports code that says it works on this machine
// (sdkLocalMarks: localhost, an emulator, moto) outside its comments: a
// comment naming localhost does not make a production call local.
func localMarked(code string, text *substrs.Text) bool {
	if !sdkLocalMarkSet.Get().In(text) {
		return false
	}
	if !strings.Contains(code, "#") && !strings.Contains(code, "//") {
		return true
	}
	bare := substrs.NewText(shell.StripLineComments(code))
	return sdkLocalMarkSet.Get().In(&bare)
}

// addressHost returns the host of a service's address as a client
// library takes it (https://h:6333/x, db://h, user@h, h:6379, [::1]), in
// lower case; "" for one that names no host (':memory:', a path).
func addressHost(a string) string {
	if k := strings.Index(a, "://"); k >= 0 {
		a = a[k+3:]
	}
	if k := strings.IndexAny(a, "/?#"); k >= 0 {
		a = a[:k]
	}
	if k := strings.LastIndexByte(a, '@'); k >= 0 {
		a = a[k+1:]
	}
	a = strings.ToLower(a)
	if strings.HasPrefix(a, "[") {
		a, _, _ = strings.Cut(a[1:], "]")
		return a
	}
	if strings.Count(a, ":") == 1 {
		a, _, _ = strings.Cut(a, ":")
	}
	if a == "" || !(a[0] >= 'a' && a[0] <= 'z' || a[0] >= '0' && a[0] <= '9') {
		return ""
	}
	return a
}

// codeLiterals returns the single- and double-quoted string literals of
// code (without their quotes; a backslash escapes the next byte).
func codeLiterals(code string) []string {
	var out []string
	shell.LiteralSpans(code, "'\"", func(start, end int) { out = append(out, code[start+1:end-1]) })
	return out
}
