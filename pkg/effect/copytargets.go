package effect

import (
	"net/netip"
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// Where a copy to another machine lands (scp, rsync, rclone: an entry with
// sends-local whose last operand is HOST:PATH after local ones; an object
// store's copy, store-copy, whose last is s3://BUCKET/…): a host or bucket
// named for production receives a deploy (scp app.tgz prod-web-1:/srv/,
// aws s3 cp dist/ s3://acme-prod-assets/),
// as a remote shell's change there is; a host known only by a public
// address (203.0.113.20) is a machine nobody here has named, so where the
// files go cannot be told; a bucket named as a website's host
// (s3://www.example.com) serves what lands there to its visitors, a
// deploy; and a database dump sent anywhere carries the
// records it holds off this machine. A copy from those hosts, to hosts
// named for staging or development, to private addresses, and dry runs
// are everyday.

// copiesOntoHost adds what a copy to another machine does by where it
// lands and what it carries.
func (a *analysis) copiesOntoHost(i int, c *shell.Command, cl *catalog.Classified) {
	if cl.Mark("dry") || helpOrDryRunOf(cl, c.Args) {
		return
	}
	var pos []string
	for _, w := range cl.Words {
		if w.Option == "" && w.Role != catalog.Command {
			pos = append(pos, w.Text)
		}
	}
	if len(pos) < 2 {
		return
	}
	dst := pos[len(pos)-1]
	spec, ok := remoteSpec(dst)
	website := false
	if bucket, store := storeURL(dst); store {
		spec, ok = bucket+":", true // aws s3 cp dist/ s3://acme-prod-assets/: the bucket is where it lands
		website = websiteBucket(bucket)
	}
	if !ok && c.Is(clusterCLIKind) && strings.Contains(dst, ":") {
		spec, ok = dst, true // kubectl cp F NAMESPACE/POD:PATH (scp would read a slash first as a local path)
	}
	if !ok {
		return
	}
	var local []string
	for _, s := range pos[:len(pos)-1] {
		_, remote := remoteSpec(s)
		if _, store := storeURL(s); !remote && !store {
			local = append(local, s)
		}
	}
	if len(local) == 0 {
		return // scp HOST:A HOST2:B: nothing of this machine's
	}
	host, _, _ := strings.Cut(spec, ":")
	if k := strings.LastIndexByte(host, '@'); k >= 0 {
		host = host[k+1:]
	}
	host = strings.Trim(host, "[]\"'")
	if c.Is(clusterCLIKind) {
		// kubectl cp F prod/pod:/app, or -n production: a pod of a
		// namespace named for production receives the files
		if ns := podNamespace(c.Args, host); ns != "" && namesProduction(ns) && !hostNamesStaging(ns) {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: c.Name + " copies " + strings.Join(local, " ") + " into " + host + " of the namespace " + ns + ", production"})
			return
		}
		// kubectl --context prod-cluster cp F pod:/app: the cluster the
		// context names is production's
		if cl := kubeCluster(c.Args); cl != "" && namesProduction(cl) && !hostNamesStaging(cl) {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: c.Name + " copies " + strings.Join(local, " ") + " into " + host + " of the cluster " + cl + ", production"})
			return
		}
	}
	switch {
	case unresolved(host):
	case namesProduction(host) && !hostNamesStaging(host):
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: c.Name + " copies " + strings.Join(local, " ") + " onto " + host + ", a production host"})
		return
	case website && !hostNamesStaging(host):
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "deploy", Word: c.Name + " copies " + strings.Join(local, " ") + " into " + host + ", a bucket a website is served from"})
		return
	case publicAddress(host):
		a.add(Effect{Kind: Unknown, Cmd: i, Detail: "remote", Word: c.Name + " sends " + strings.Join(local, " ") + " to " + host + ", a machine known only by its public address"})
		return
	}
	for _, s := range local {
		if databaseDump(s) {
			a.add(Effect{Kind: Flow, Cmd: i, Detail: "database-dump->network", Word: c.Name + " sends the database dump " + s + " to " + host})
			return
		}
	}
}

// storeURL returns the bucket of an object store's URL (s3://BUCKET/…,
// gs://BUCKET/…), and whether w is one.
func storeURL(w string) (string, bool) {
	for _, scheme := range [...]string{"s3://", "gs://", "az://", "r2://"} {
		if rest, ok := strings.CutPrefix(w, scheme); ok {
			bucket, _, _ := strings.Cut(rest, "/")
			return bucket, true
		}
	}
	return "", false
}

// hostNamesStaging reports a host whose name, without its top-level domain
// (.dev names no environment), says staging or development.
func hostNamesStaging(h string) bool {
	h = strings.ToLower(h)
	if k := strings.LastIndexByte(h, '.'); k > 0 {
		h = h[:k]
	}
	return namesStaging(h)
}

// websiteBucket reports a bucket named as a website's host name
// (www.example.com, docs.acme.com): the convention of a bucket a site is
// served from, so what lands there is what its visitors get. Buckets are
// otherwise named without dots. A bucket named for the site its www
// serves (acme-www) is one as well.
func websiteBucket(b string) bool {
	for _, p := range strings.FieldsFunc(b, func(r rune) bool { return r == '-' || r == '.' || r == '_' }) {
		if p == "www" {
			return true
		}
	}
	labels := strings.Split(b, ".")
	if len(labels) < 2 || strings.HasSuffix(b, ".appspot.com") {
		return false
	}
	tld := labels[len(labels)-1]
	if len(tld) < 2 || len(tld) > 12 {
		return false
	}
	for _, r := range tld {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// publicAddress reports an IP address literal that is neither this
// machine's, a private network's nor a link's own.
func publicAddress(h string) bool {
	ip, err := netip.ParseAddr(h)
	if err != nil {
		return false
	}
	return !ip.IsLoopback() && !ip.IsPrivate() && !ip.IsLinkLocalUnicast() && !ip.IsUnspecified() && !ip.IsMulticast()
}

// dumpExtensions are the extensions of a database's dump formats (pg_dump's
// custom format, a MongoDB or Redis dump).
var dumpExtensions = []string{".dump", ".pgdump", ".bson", ".rdb", ".mysqldump"}

// compressions are the extensions a dump is compressed under.
var compressions = []string{".gz", ".bz2", ".xz", ".zst", ".zip", ".lz4"}

// databaseDump reports a file named as a database's dump: a dump format,
// or SQL (compressed or not) whose name or directory says it is a dump or
// backup, or whose name says production's (prod.sql, backup.sql, db-dump-2026-12-01.sql.zst). A
// migration or a schema is code, not records.
func databaseDump(p string) bool {
	b := strings.ToLower(path.Base(p))
	for _, z := range compressions {
		b = strings.TrimSuffix(b, z)
	}
	for _, ext := range dumpExtensions {
		if strings.HasSuffix(b, ext) {
			return true
		}
	}
	name, ok := strings.CutSuffix(b, ".sql")
	if !ok {
		return false
	}
	dir := strings.ToLower(path.Dir(p)) // backups/app-2026-11-30.sql.gz
	return strings.Contains(name, "dump") || strings.Contains(name, "backup") || namesProduction(name) ||
		strings.Contains(dir, "dump") || strings.Contains(dir, "backup")
}

// kubeCluster is the context or cluster a cluster CLI's options name
// (--context NAME, --cluster=NAME), or "".
func kubeCluster(args []string) string {
	for k, a := range args {
		for _, opt := range []string{"--context", "--cluster", "--kube-context"} {
			if a == opt && k+1 < len(args) {
				return args[k+1]
			}
			if v, ok := strings.CutPrefix(a, opt+"="); ok {
				return v
			}
		}
	}
	return ""
}

// podNamespace is the namespace of a cluster CLI's pod address
// (NAMESPACE/POD), or the one its -n or --namespace option names.
func podNamespace(args []string, pod string) string {
	if ns, _, ok := strings.Cut(pod, "/"); ok {
		return ns
	}
	for k, a := range args {
		switch {
		case (a == "-n" || a == "--namespace") && k+1 < len(args):
			return args[k+1]
		case strings.HasPrefix(a, "--namespace="):
			return a[len("--namespace="):]
		case strings.HasPrefix(a, "-n") && len(a) > 2 && !strings.HasPrefix(a, "--"):
			return strings.TrimPrefix(a[2:], "=")
		}
	}
	return ""
}
