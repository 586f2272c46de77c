package effect

import "testing"

// TestDevtools checks that a DevTools request for the session's cookies,
// by a websocket client, its input or an interpreter's code, reads the
// browser's cookie store, and that a tab opened on a file: URL reads that
// file; other protocol calls and the port's listings read nothing.
func TestDevtools(t *testing.T) {
	const store = "read /home/dev/.config/google-chrome/Default/Cookies"
	for line, want := range map[string]string{
		`echo '{"id":1,"method":"Storage.getCookies"}' | websocat -n1 ws://127.0.0.1:9222/devtools/browser/4b1f`:                                                    store,
		`wscat -c ws://127.0.0.1:9222/devtools/page/A1 -x '{"id":2,"method":"Runtime.evaluate","params":{"expression":"document.cookie"}}'`:                         store,
		`node -e "require('chrome-remote-interface')({port:9222}).then(async c=>console.log(await c.Network.getAllCookies()))"`:                                     store,
		`python3 -c "import websocket;w=websocket.create_connection('ws://localhost:9222/devtools/page/1');w.send('{\"id\":1,\"method\":\"Network.getCookies\"}')"`: store,
		`curl -s -X PUT 'http://localhost:9222/json/new?file:///home/dev/.ssh/id_ed25519'`:                                                                          "read /home/dev/.ssh/id_ed25519",
	} {
		if effs := effectsOf(line); !hasEffect(effs, want) {
			t.Errorf("%q: want %s, got %v", line, want, effs)
		}
	}
	for _, line := range []string{
		`curl -s http://localhost:9222/json/version`,
		`wscat -c ws://127.0.0.1:9222/devtools/page/A1 -x '{"id":2,"method":"Page.navigate","params":{"url":"http://localhost:3000"}}'`,
		`curl -s -X PUT 'http://localhost:9222/json/new?http://localhost:3000'`,
		`echo Network.getAllCookies >> docs/notes.md`,
	} {
		if effs := effectsOf(line); hasEffect(effs, store) {
			t.Errorf("%q: unexpected %s", line, store)
		}
	}
}
