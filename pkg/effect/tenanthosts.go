package effect

import "strings"

// A managed database service gives each customer's database a host of its
// own under the service's domain (orders.c9akciq32.us-east-1.rds.amazonaws.com,
// ep-cool-river-123456.us-east-2.aws.neon.tech, cluster0.ab1cd.mongodb.net,
// aws.connect.psdb.cloud, acme-app-acme.turso.io, db.REF.supabase.co): the
// database the customer's application serves from, kept in the cloud
// rather than on a developer's machine. Such a host is a production place
// unless its own name says staging, development or test
// (ledger-test.cxyz.us-east-1.rds.amazonaws.com), as a host named
// db.prod.acme.net is one by its name.

// managedDBSuffixes are the domains whose hosts are customers' managed
// databases. A suffix ending in a dot matches a label sequence anywhere in
// the name (a region or an account between it and the service's domain).
var managedDBSuffixes = [...]string{
	".rds.amazonaws.com", ".rds.amazonaws.com.cn", ".docdb.amazonaws.com", ".redshift.amazonaws.com",
	".cache.amazonaws.com", ".neon.tech", ".psdb.cloud", ".turso.io", ".mongodb.net",
	".redis.cloud", ".redislabs.com", ".upstash.io", ".cockroachlabs.cloud", ".aivencloud.com",
	".database.azure.com", ".database.windows.net", ".documents.azure.com", ".redis.cache.windows.net",
	".db.ondigitalocean.com", ".xata.sh", ".singlestore.com", ".snowflakecomputing.com",
}

// managedDBHost reports whether a word holds a managed database's host
// (see above): a host name, host:port, or a URL or DSN naming one. Only a
// word with one of the suffixes is looked at.
func managedDBHost(w string) bool {
	if len(w) > 512 || strings.IndexByte(w, '.') < 0 {
		return false
	}
	l := strings.ToLower(w)
	for _, s := range managedDBSuffixes {
		k := strings.Index(l, s)
		if k <= 0 {
			continue
		}
		end := k + len(s)
		if end < len(l) && !hostEndByte(l[end]) {
			continue // ….neon.tech.example: not the service's domain
		}
		start := strings.LastIndexAny(l[:k], "@/ =\"'") + 1
		host := l[start:end]
		if host == "" || strings.HasPrefix(host, ".") || hostNamesStagingParts(host[:len(host)-len(s)]) {
			return false
		}
		return true
	}
	// Supabase: a project's database is db.REF.supabase.co and its
	// pooler aws-0-REGION.pooler.supabase.com; its REST API answers at
	// REF.supabase.co
	if k := strings.Index(l, ".supabase.co"); k > 0 {
		start := strings.LastIndexAny(l[:k], "@/ =\"'") + 1
		return strings.HasPrefix(l[start:], "db.") || strings.Contains(l[start:k], "pooler")
	}
	return false
}

// hostEndByte reports a byte that may follow a host name: a port, a path,
// a query, a quote, the end of a DSN's option.
func hostEndByte(c byte) bool {
	return c == ':' || c == '/' || c == '?' || c == '#' || c == '"' || c == '\'' || c == ' ' || c == ',' || c == ';'
}

// hostNamesStagingParts reports whether the customer's part of a managed
// host (before the service's domain) names a staging, development or test
// database.
func hostNamesStagingParts(h string) bool {
	return namesStaging(h) || strings.Contains(h, "test") || strings.Contains(h, "staging")
}
