package engine

import (
	"maps"
	"slices"
	"strings"

	"rampart.dev/pkg/effect"
)

// An MCP tool of a home or building automation server that acts on a way
// into a place (call_service {domain: lock, service: unlock}, HassUnlock
// {name: Front Door}, HassTurnOn {name: Garage Door, device_class: garage})
// is judged as the same act through the REST API or hass-cli is
// (effect/physical.go): destroy:physical. A tool that reads states is not.

// intentVerbs are the verbs of an automation intent named for its act
// (HassTurnOn, HassUnlock, open_cover): with no domain given, the entity's
// name says what it acts on.
var intentVerbs = []string{"turn", "open", "close", "toggle", "press", "activate", "trigger", "lock", "unlock", "arm", "disarm", "raise", "lower"}

// physicalAct judges the act on a way in the call's arguments name.
func (w *mcpWalk) physicalAct(args map[string]any) {
	p := readToolParts(w.tool)
	if p.class == verbRead || len(args) == 0 {
		return
	}
	var domain, service, entity string
	named := false
	var walk func(x map[string]any, depth int)
	walk = func(x map[string]any, depth int) {
		for _, k := range slices.Sorted(maps.Keys(x)) { // one order, one text
			v := x[k]
			if m, ok := v.(map[string]any); ok && depth < 3 {
				walk(m, depth+1)
				continue
			}
			for _, s := range stringValues(v) {
				switch normKey(k) {
				case "domain":
					domain = s
				case "service", "servicename", "action":
					if d, sv, ok := strings.Cut(s, "."); ok {
						domain, service = d, sv
					} else {
						service = s
					}
				case "entityid", "entity", "entities", "target":
					named = true
					entity += " " + s
					if d, _, ok := strings.Cut(s, "."); ok && domain == "" {
						domain = d
					}
				case "name", "deviceclass", "area", "device":
					named = true
					entity += " " + s
				}
			}
		}
	}
	walk(args, 0)
	if service == "" {
		service = strings.Join(p.words, "_") // HassTurnOff: the tool is the service
	}
	if domain == "" && named && p.has(intentVerbs...) {
		// an intent named for its act (HassUnlock), or an entity whose
		// name or class says it is a way in (Garage Door)
		switch {
		case p.has("unlock", "lock"):
			domain = "lock"
		case p.has("disarm", "arm"):
			domain = "alarm"
		default:
			domain = "cover"
		}
	}
	if effect.PhysicalService(domain, service, entity) {
		s := subject{tool: "destroy", text: "an act on a way into a place: " + w.tool + " " + strings.TrimSpace(domain+" "+entity), effect: "destroy:physical"}
		w.ev.judge(&s)
	}
}
