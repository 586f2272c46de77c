package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Files copied into production's storage: an object store's copy or sync
// (aws s3 cp, aws s3 sync, gsutil rsync, gcloud storage cp) whose
// destination is a bucket named for production (s3://acme-web-prod) or a
// live website's bucket (S3 and Cloud Storage serve a site from the
// bucket named as its host: s3://www.example.com, gs://docs.acme.com).
// What lands there is what production serves or reads, so the copy is a
// deploy to production; a bucket named for staging, or a copy out of
// production's, is everyday work.

// bucketCopyVerbs are the verbs of an object store's CLI that copy files
// to where their last operand names.
var bucketCopyVerbs = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("cp sync rsync mv")
}}

// bucketSchemes are the URL schemes of object stores' buckets.
var bucketSchemes = []string{"s3://", "gs://"}

// copiesIntoProductionBucket adds destroy:production for an object store
// copy whose destination is production's bucket.
func (a *analysis) copiesIntoProductionBucket(i int, c *shell.Command) {
	if c.Name != "aws" && c.Name != "gsutil" && c.Name != "gcloud" {
		return
	}
	pos := positionals(c.Args)
	verb, k := "", 0
	for ; k < len(pos) && k < 3; k++ {
		if bucketCopyVerbs.Get(pos[k]) {
			verb = pos[k]
			break
		}
	}
	if verb == "" || len(pos) < k+3 {
		return // no copy, or not both a source and a destination
	}
	dst := pos[len(pos)-1]
	bucket, ok := bucketOf(dst)
	if !ok {
		return
	}
	if _, fromBucket := bucketOf(pos[k+1]); fromBucket && len(pos) == k+3 {
		if src, _ := bucketOf(pos[k+1]); src == bucket {
			return // a copy within the bucket itself
		}
	}
	if namesProduction(bucket) || liveSiteBucket(bucket) {
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: c.Name + " " + verb + " into " + dst})
	}
}

// bucketOf returns the bucket a word's object-store URL names.
func bucketOf(w string) (string, bool) {
	for _, s := range bucketSchemes {
		if rest, ok := strings.CutPrefix(w, s); ok {
			b, _, _ := strings.Cut(rest, "/")
			return strings.ToLower(b), b != ""
		}
	}
	return "", false
}

// liveSiteBucket reports a bucket named as a website's host name
// (www.example.com, docs.acme.io), or for the site its www serves
// (acme-www), whose parts name no environment short of production
// (staging.acme.io, preview-docs.acme.io, www-staging).
func liveSiteBucket(b string) bool {
	var pb [8]string
	parts := taskParts(pb[:0], b)
	www := false
	for _, p := range parts {
		if stagingEnvs.Get(p) {
			return false
		}
		www = www || p == "www"
	}
	if www {
		return true
	}
	dot := strings.LastIndexByte(b, '.')
	if dot <= 0 || dot == len(b)-1 {
		return false
	}
	for _, r := range b[dot+1:] {
		if r < 'a' || r > 'z' {
			return false // no top-level domain: a bucket with a dot in its name
		}
	}
	return true
}
