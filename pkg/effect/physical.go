package effect

import (
	"slices"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A home or building automation service that acts on the ways into a place
// (a lock opened or locked, an alarm armed or disarmed, a garage door or a
// gate moved) changes the physical world, for the people who live or work
// there: destroy:physical, which a person confirms. Home Assistant names
// such an act as a domain and a service (lock.unlock,
// alarm_control_panel.alarm_disarm, cover.open_cover on cover.garage_door),
// in its REST API (POST /api/services/DOMAIN/SERVICE), in hass-cli
// (service call DOMAIN.SERVICE) and in its MCP tools' arguments. Reading a
// state, and lights, switches and climate, are everyday.

// accessDomains are the automation domains whose every service acts on a
// way in; coverWays the words of a cover's entity or name that make it
// one (a blind is not).
var (
	accessDomains = table.Map[string, bool]{Words: "lock alarm_control_panel alarm"}
	coverWays     = []string{"garage", "gate", "door", "entrance", "barrier"}
)

// PhysicalService reports whether calling service in domain on entity (an
// entity id or a name, may be empty) acts on a way into a place.
func PhysicalService(domain, service, entity string) bool {
	domain, service, entity = strings.ToLower(domain), strings.ToLower(service), strings.ToLower(entity)
	switch {
	case domain == "" || readService(service):
		return false
	case accessDomains.Get(domain):
		return true
	case domain == "cover" || domain == "button" || domain == "switch":
		for _, w := range strings.FieldsFunc(entity, func(r rune) bool { return r < 'a' || r > 'z' }) {
			if slices.Contains(coverWays, w) {
				return true // garage_door, "Driveway Gate" (not "investigate")
			}
		}
	}
	return false
}

// readService reports a service that only reads or refreshes a state.
func readService(s string) bool {
	return strings.HasPrefix(s, "get") || strings.HasPrefix(s, "list") || s == "update_entity" || s == "reload"
}

// physicalServices finds the acts of command c on a way into a place:
// a Home Assistant REST call's URL, or hass-cli's service call.
func (a *analysis) physicalServices(i int, c *shell.Command) {
	if c.Name == "hass-cli" {
		for k := 0; k+2 < len(c.Args); k++ {
			if c.Args[k] == "service" && c.Args[k+1] == "call" {
				domain, service, _ := strings.Cut(c.Args[k+2], ".")
				if PhysicalService(domain, service, strings.Join(c.Args[k+3:], " ")) {
					a.add(Effect{Kind: Destroy, Cmd: i, Detail: "physical", Word: "hass-cli service call " + c.Args[k+2]})
				}
				return
			}
		}
		return
	}
	switch c.Name {
	case "curl", "wget", "http", "https", "xh", "xhs", "curlie", "httpie", "wget2", "aria2c":
	default:
		return // the REST API is called by an HTTP client
	}
	for _, w := range c.Args {
		_, rest, ok := strings.Cut(w, "/api/services/")
		if !ok {
			continue
		}
		domain, service, _ := strings.Cut(rest, "/")
		service, _, _ = strings.Cut(service, "?")
		if PhysicalService(domain, service, strings.Join(c.Args, " ")) {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "physical", Word: domain + "." + service})
			return
		}
	}
}
