package engine

import "rampart.dev/pkg/internal/table"

// Changes to what a running product serves its users, made through an MCP
// tool whatever the server, read as sharedChangeRules are (from the name's
// verb and objects, and the arguments): a feature flag switched outside a
// named dev environment, a CDN's cache purged (every visitor's next
// request goes to the origin), what a store charges changed (a price, a
// variant, a coupon), an incident opened or an alert raised on an on-call
// service (the people on call are paged),
// a subscription's plan changed, and a payment link made (a live URL that
// takes money). A flag created (off until switched), a browser's or an
// agent memory's own cache cleared, a product created or read, and an
// incident looked at or resolved pass.
var serviceChangeRules = []sharedChangeRule{
	{"a feature flag switched", "destroy:shared-change", func(p toolParts, _ []string) bool {
		if p.class != verbChange || p.verbIn("create", "add", "new", "make") || p.has("branch", "branches") {
			return false // a flag made is off until switched; a feature branch is git's
		}
		return p.has("flag", "flags", "featureflag", "featureflags", "toggle", "toggles") ||
			p.has("feature", "features") && p.verbIn("toggle", "flip", "enable", "disable", "activate", "deactivate", "set", "update", "patch")
	}, func(a map[string]any) bool { return !namesDevEnvironment(a) }},
	{"a CDN's cache purged", "destroy:shared-change", func(p toolParts, server []string) bool {
		return purgesCache(p) && (p.has(cdnWords...) || hasWord(server, cdnWords...))
	}, nil},
	{"a CDN's cache purged", "destroy:shared-change", func(p toolParts, _ []string) bool {
		return purgesCache(p)
	}, namesEdgeScope},
	{"what a store charges changed", "destroy:shared-change", func(p toolParts, _ []string) bool {
		if !p.verbIn("update", "set", "patch", "edit", "modify", "change", "replace", "upsert") {
			return false
		}
		return p.has("price", "prices", "pricing", "variant", "variants", "coupon", "coupons", "discount", "discounts", "promotion", "promotions")
	}, nil},
	{"what a store charges changed", "destroy:shared-change", func(p toolParts, _ []string) bool {
		return p.verbIn("update", "set", "patch", "edit", "modify", "change", "replace", "upsert") && p.has("product", "products")
	}, setsPrice},
	{"an incident opened (the people on call paged)", "destroy:shared-change", func(p toolParts, _ []string) bool {
		return p.verbIn("create", "trigger", "open", "escalate", "start", "new", "raise") && p.has("incident", "incidents")
	}, func(a map[string]any) bool { return !namesDevEnvironment(a) }},
	{"an alert raised on an on-call service (the people on call paged)", "destroy:shared-change", func(p toolParts, server []string) bool {
		return p.verbIn("create", "trigger", "send", "raise", "open", "new", "escalate") && p.has("alert", "alerts", "page", "pages") &&
			(hasWord(server, onCallServers...) || p.has(onCallServers...))
	}, func(a map[string]any) bool { return !namesDevEnvironment(a) }},
	{"a subscription's plan changed", "destroy:shared-change", func(p toolParts, _ []string) bool {
		return p.verbIn("update", "change", "modify", "upgrade", "downgrade", "migrate", "pause", "resume", "swap") &&
			p.has("subscription", "subscriptions")
	}, nil},
	{"a payment link made", "destroy:shared-change", func(p toolParts, _ []string) bool {
		return p.verbIn("create", "new", "make", "generate") && p.has("payment", "payments", "checkout") && p.has("link", "links", "url")
	}, nil},
}

// onCallServers name a service that pages people, in a tool's or a
// server's name (an alert there wakes someone; a monitoring tool's
// create_alert may only make a rule).
var onCallServers = []string{"opsgenie", "pagerduty", "victorops", "oncall", "firehydrant", "rootly", "squadcast", "incidentio"}

// cdnWords name an edge network, in a tool's or a server's name.
var cdnWords = []string{"cdn", "edge", "zone", "zones", "distribution", "distributions", "cloudfront", "cloudflare", "fastly", "akamai", "bunny", "bunnycdn", "cloudinary"}

// purgesCache reports a tool name that empties a cache.
func purgesCache(p toolParts) bool {
	return p.verbIn("purge", "invalidate", "clear", "flush", "evict", "bust") && p.has("cache", "caches", "cdn")
}

// edgeScopeKeys are the argument names that say a purge is an edge
// network's: its zone, distribution or site.
var edgeScopeKeys = table.Map[string, bool]{Words: `zone zoneid zonename distribution distributionid
	purgeeverything serviceid hosts prefixes`}

// namesEdgeScope reports arguments that name an edge network's scope.
func namesEdgeScope(args map[string]any) bool {
	for k := range args {
		if edgeScopeKeys.Get(normKey(k)) {
			return true
		}
	}
	return false
}

// priceKeys are the argument names that set what a product costs.
var priceKeys = table.Map[string, bool]{Words: `price prices amount unitamount compareatprice
	variants variant cost saleprice currency`}

// setsPrice reports arguments that set a price.
func setsPrice(args map[string]any) bool {
	for k := range args {
		if priceKeys.Get(normKey(k)) {
			return true
		}
	}
	return false
}
