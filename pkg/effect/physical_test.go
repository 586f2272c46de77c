package effect

import "testing"

// TestPhysicalServices checks the acts on a way into a place through Home
// Assistant's REST API and hass-cli, and that reads, lights and blinds are
// none.
func TestPhysicalServices(t *testing.T) {
	for line, want := range map[string]bool{
		`curl -X POST -d '{"entity_id":"lock.front_door"}' http://hass.lan:8123/api/services/lock/unlock`:          true,
		`curl -X POST http://10.0.0.2:8123/api/services/alarm_control_panel/alarm_disarm`:                          true,
		`curl -X POST -d '{"entity_id":"cover.garage"}' http://hass.lan:8123/api/services/cover/open_cover`:        true,
		`hass-cli service call lock.unlock --arguments entity_id=lock.back`:                                        true,
		`hass-cli service call cover.close_cover --arguments entity_id=cover.driveway_gate`:                        true,
		`curl -X POST -d '{"entity_id":"cover.bedroom_blind"}' http://hass.lan:8123/api/services/cover/open_cover`: false,
		`curl -X POST -d '{"entity_id":"light.desk"}' http://hass.lan:8123/api/services/light/turn_on`:             false,
		`curl -s http://hass.lan:8123/api/states/lock.front_door`:                                                  false,
		`hass-cli state get lock.front_door`:                                                                       false,
		`hass-cli service call light.turn_off --arguments entity_id=light.office`:                                  false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:physical"); got != want {
			t.Errorf("%q: destroy:physical = %v, want %v", line, got, want)
		}
	}
}

// TestBalancerAdminAndMemcachedFlush checks that a load balancer's runtime
// changes sent over its socket are a deploy, its show lines nothing, and
// that memcached's port is a text database's whose lines are statements.
func TestBalancerAdminAndMemcachedFlush(t *testing.T) {
	for line, want := range map[string]bool{
		`echo "disable server be/web1" | socat stdio /run/haproxy/admin.sock`: true,
		`socat - /run/haproxy/admin.sock <<< "set weight be/web2 0"`:          true,
		`echo "clear table be_sticky" | nc -U /run/haproxy/admin.sock`:        true,
		`echo "show stat" | socat stdio /run/haproxy/admin.sock`:              false,
		`echo "disable server be/web1" > notes.txt`:                           false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:deploy"); got != want {
			t.Errorf("%q: destroy:deploy = %v, want %v", line, got, want)
		}
	}
	if !hasEffect(effectsOf(`printf 'flush_all\r\n' | nc cache.internal 11211`), "sql") {
		t.Errorf("memcached's flush_all is not read as a statement")
	}
}
