package engine

import (
	"strings"

	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
)

// A wallet's MCP tool that sends, signs, swaps, stakes or bridges reaches
// the chain its node's URL points at, whatever network name it is also
// given: {"network": "sepolia", "rpcUrl": "https://mainnet.infura.io/…"}
// signs on the main chain. The profile passes such a tool when an argument
// names a devnet or a test network; the node's URL decides first, read as
// a wallet CLI's --rpc-url is (effect/funds.go): a main chain's node makes
// the call a shared change, which asks.

// walletVerbs are the words of a tool name that move funds or sign for
// them on a chain.
var walletVerbs = table.Map[string, bool]{Words: `send transfer withdraw swap stake unstake bridge sign transaction transactions`}

// nodeKey reports an argument name that carries a chain node's URL
// (rpcUrl, rpc_url, rpc, nodeUrl, providerUrl, endpoint, url).
func nodeKey(k string) bool {
	k = normKey(k)
	switch k {
	case "url", "uri", "endpoint", "rpc", "node", "provider":
		return true
	}
	return strings.Contains(k, "rpc") || strings.Contains(k, "node") || strings.Contains(k, "provider")
}

// chainNodes judges a wallet tool whose arguments point it at a main
// chain's node by URL.
func (w *mcpWalk) chainNodes(args map[string]any) {
	if len(args) == 0 {
		return
	}
	wallet := false
	for _, word := range ToolWords(w.tool) {
		if walletVerbs.Get(word) {
			wallet = true
			break
		}
	}
	if !wallet {
		return
	}
	var node string
	var walk func(x map[string]any, depth int)
	walk = func(x map[string]any, depth int) {
		for k, v := range x {
			if node != "" {
				return
			}
			if m, ok := v.(map[string]any); ok && depth < 3 {
				walk(m, depth+1)
				continue
			}
			if !nodeKey(k) {
				continue
			}
			for _, s := range stringValues(v) {
				if effect.MainChainURL(s) {
					node = s
					return
				}
			}
		}
	}
	walk(args, 0)
	if node == "" {
		return
	}
	s := subject{tool: "destroy", text: w.tool + " moves funds through a main chain's node " + node, effect: "destroy:shared-change"}
	w.ev.judge(&s)
}
