package effect

import (
	"net/netip"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
)

// A secret variable of no known service (secretHomes) may still say whose
// it is: DRONE_TOKEN is a Drone server's, HASURA_ADMIN_SECRET a Hasura
// engine's, ACME_API_KEY the Acme company's own API's. Such a token has
// no fixed domain, but the host that takes it is named for its service
// (drone.acme.io, api.acme.io, acme-hasura.fly.dev) or is on a private
// network (10.0.4.2, hasura.internal). Sent as a login to a public host
// named otherwise (ci-metrics.devstats.cc), it leaves for someone else's
// service, as far as the line shows: a person should look. A name whose
// leading words say only where or what for (PROD_API_KEY, MY_TOKEN,
// CI_DEPLOY_KEY) names no service and may authenticate anywhere.

// serviceNeutralWords are the parts of a secret variable's name that say
// an environment, a role or a kind of secret, not whose it is.
var serviceNeutralWords = table.Map[string, bool]{Build: func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		APP APPS API APIS MY OUR THE DEV DEVELOPMENT PROD PRODUCTION STAGING STAGE STG TEST TESTING QA UAT
		CI CD LOCAL LIVE SANDBOX DEMO PREVIEW AUTH ACCESS SECRET SECRETS SERVICE SVC CLIENT USER USERS ADMIN
		ROOT MASTER MAIN BOT WEB BACKEND FRONTEND SERVER DB DATABASE PRIVATE PUBLIC INTERNAL EXTERNAL DEFAULT
		DEPLOY DEPLOYMENT RELEASE BUILD REPO REGISTRY WEBHOOK BEARER SESSION JWT OAUTH OAUTH2 PERSONAL TEAM
		ORG PROJECT ENV CUSTOM SHARED GLOBAL NEW OLD TOKEN KEY PASS PASSWORD PASSWD PWD SK DSN CREDS CREDENTIALS
		REFRESH ID SIGNING ENCRYPTION HMAC SALT PEPPER TF INPUT READ WRITE RW RO VAR VARS CONFIG CFG CONF SETTINGS OPT
		JOB JOBS PIPELINE RUNNER WORKFLOW TRIGGER HOOK HOOKS INTEGRATION UPLOAD DOWNLOAD PUSH PULL PUBLISH ACCOUNT ACCT
		PAT BASIC HTTP HTTPS REST GRAPHQL GQL RPC SMTP MAIL EMAIL SSH GPG PGP TLS SSL CERT X
	`) {
		m[w] = true
	}
	return m
}}

// namedService is the service a secret variable's name is for by its
// first part that is no neutral word, when that part is a name (three
// letters or more) and not the name's last: "drone" for DRONE_TOKEN and
// PROD_DRONE_TOKEN (an environment's word before the service's), "" for
// PROD_API_KEY and TOKEN.
func namedService(name string) string {
	parts := strings.Split(strings.ToUpper(name), "_")
	for k, first := range parts[:len(parts)-1] {
		if serviceNeutralWords.Get(first) {
			continue
		}
		if len(first) < 3 {
			return ""
		}
		for i := 0; i < len(first); i++ {
			if c := first[i]; c < 'A' || c > 'Z' {
				return "" // AB12_KEY: an id, not a name
			}
		}
		if k > 0 && !serviceNeutralWords.Get(parts[len(parts)-1]) {
			return "" // PROD_FOO_BAR: no secret's word last, no service's secret
		}
		return strings.ToLower(first)
	}
	return ""
}

// namedServiceHome reports whether every host may run the named service
// for the team that holds its token: a host the line does not spell, a
// loopback, private or internal one, one with a label that spells the
// service's name or its abbreviation or is its cloud's (drone.acme.io, acme-api.fly.dev for
// "acme", api.alpaca.markets for "apca"), or one whose first label says
// what the team runs there (ci.acme.com, registry.acme.io).
func namedServiceHome(hosts []string, service string) bool {
	for _, h := range hosts {
		u, parsed := match.ParseURL(h)
		if !parsed || u.Host == "" {
			continue
		}
		if !namedServiceHost(strings.ToLower(u.Host), service) {
			return false
		}
	}
	return true
}

func namedServiceHost(host, service string) bool {
	if privateHost(host) { // selfhosted.go
		return true
	}
	if _, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		return false // a public address names no service
	}
	for _, d := range namedServiceDomains.Get(service) {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	labels := strings.Split(host, ".")
	if len(labels) > 2 && teamHostRoles.Get(labels[0]) {
		return true
	}
	for _, l := range labels[:len(labels)-1] {
		if abbreviates(service, l) {
			return true
		}
	}
	return false
}

// abbreviates reports whether every letter of service occurs in order in
// one word of label (its parts between hyphens), the first of them at the
// word's start: "drone" in "drone-ci", "apca" in "alpaca", "acme" in
// "acmecorp"; not "drone" in "dashboard-reports-one", spread over words.
func abbreviates(service, label string) bool {
	for start := 0; start < len(label); start++ {
		if label[start] != service[0] || start > 0 && label[start-1] != '-' {
			continue
		}
		k := 1
		for j := start + 1; j < len(label) && label[j] != '-' && k < len(service); j++ {
			if label[j] == service[k] {
				k++
			}
		}
		if k == len(service) {
			return true
		}
	}
	return false
}

// namedServiceDomains are the domains of services whose names they do
// not spell (Artifactory's cloud is jfrog.io, HubSpot's API hubapi.com).
var namedServiceDomains = table.Map[string, []string]{Build: func() map[string][]string {
	return map[string][]string{
		"artifactory": {"jfrog.io"}, "hubspot": {"hubapi.com"}, "langsmith": {"langchain.com"},
		"langchain": {"langchain.com"}, "xai": {"x.ai"}, "vault": {"hashicorp.cloud"},
		"consul": {"hashicorp.cloud"}, "nomad": {"hashicorp.cloud"}, "grafana": {"grafana.net"},
	}
}}

// teamHostRoles are first labels by which a team names the hosts that run
// its own tools (ci.acme.com, registry.acme.io, sso.acme.dev).
var teamHostRoles = table.Map[string, bool]{Build: func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		ci cd build builds git scm code registry cr docker hub cms mq queue broker wiki docs chat sso auth
		id login monitoring metrics logs flags bi analytics s3 storage files k8s kube search es cloud vault
		api app admin dashboard ops infra tools deploy automation cache db
	`) {
		m[w] = true
	}
	return m
}}
